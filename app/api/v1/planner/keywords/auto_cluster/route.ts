import { apiRoute } from "@/lib/http/route";
import { autoClusterSchema } from "@/lib/ai/schemas";
import { startAutoCluster } from "@/lib/ai/service";
import { startedRunResponse } from "@/lib/runs/responses";

export const POST = apiRoute({ summary: "Cluster keywords with AI (202)", response: startedRunResponse, auth: "user", body: autoClusterSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startAutoCluster(ctx, body.ids);
  return { taskId: run.id, run };
});
