import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { generateContentSchema } from "@/lib/ai/schemas";
import { startGenerateContent } from "@/lib/ai/service";
import { startedRunResponse } from "@/lib/runs/responses";

const body = z.object({ ids: generateContentSchema.shape.taskIds }).strict();

export const POST = apiRoute({ summary: "Write articles for tasks with AI (202)", response: startedRunResponse, auth: "user", body, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startGenerateContent(ctx, body.ids);
  return { taskId: run.id, run };
});
