import { z } from "zod";
import { idSchema } from "@/lib/http/validation";

const ids = (what: string, max: number) =>
  z.array(idSchema, { error: `Send the ${what} ids as a list.` }).min(1, `Select at least one ${what}.`).max(max, `At most ${max.toLocaleString("en-US")} ${what}s at once.`);

export const autoClusterSchema = z.object({ ids: ids("keyword", 5_000) });
export const generateIdeasSchema = z.object({ clusterIds: ids("cluster", 200) });
export const generateContentSchema = z.object({ taskIds: ids("task", 500) });
export const generateImagesSchema = z.object({ taskIds: ids("task", 200) });
export const generateImagesByIdSchema = z.object({ ids: ids("image", 1_000) });
