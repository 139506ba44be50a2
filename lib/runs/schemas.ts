import { z } from "zod";
import { listQuerySchema } from "@/lib/http/validation";

export const RUN_STATUSES = ["pending", "running", "succeeded", "completed_with_errors", "failed", "cancelled"] as const;

export const runIdSchema = z.uuid({ error: "Not a run id." });

export const listRunsQuerySchema = listQuerySchema.extend({
  status: z.union([z.enum(RUN_STATUSES), z.literal("active")]).optional(),
  kind: z.string().trim().max(60).regex(/^[a-z_]+$/).optional(),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
