import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { generateImagesByIdSchema, generateImagesSchema } from "@/lib/ai/schemas";
import { startGenerateImages } from "@/lib/ai/service";
import { startedRunResponse } from "@/lib/runs/responses";

// `{ ids }` are image ids (the reference); `{ task_ids }` generates the waiting images of tasks.
const body = z.union([generateImagesByIdSchema.strict(), generateImagesSchema.strict()]);

export const POST = apiRoute({ summary: "Generate images with AI (202)", response: startedRunResponse, auth: "user", body, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startGenerateImages(ctx, "ids" in body ? { imageIds: body.ids } : { taskIds: body.taskIds });
  return { taskId: run.id, run };
});
