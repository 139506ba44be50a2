import { apiRoute } from "@/lib/http/route";
import { batchOptimizeSchema } from "@/lib/optimizer/schemas";
import { startBatchOptimize } from "@/lib/optimizer/service";

export const POST = apiRoute({ auth: "user", body: batchOptimizeSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startBatchOptimize(ctx, body);
  return { taskId: run.id, run };
});
