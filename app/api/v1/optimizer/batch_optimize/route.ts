import { apiRoute } from "@/lib/http/route";
import { batchOptimizeSchema } from "@/lib/optimizer/schemas";
import { startBatchOptimize } from "@/lib/optimizer/service";
import { startedRunResponse } from "@/lib/runs/responses";

export const POST = apiRoute({ summary: "Optimize many articles in the background (202)", response: startedRunResponse, auth: "user", body: batchOptimizeSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startBatchOptimize(ctx, body);
  return { taskId: run.id, run };
});
