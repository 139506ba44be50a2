import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { generateImagesSchema } from "@/lib/ai/schemas";
import { startGenerateTaskImages } from "@/lib/ai/service";
import { startedRunResponse } from "@/lib/runs/responses";

const body = z.object({ ids: generateImagesSchema.shape.taskIds }).strict();

export const POST = apiRoute(
  { summary: "Generate the images of tasks with AI, planning image prompts first where an article has none (202)", response: startedRunResponse, auth: "user", body, permission: "write", status: 202 },
  async ({ ctx, body }) => {
    const run = await startGenerateTaskImages(ctx, body.ids);
    return { taskId: run.id, run };
  },
);
