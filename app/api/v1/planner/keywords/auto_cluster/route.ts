import { apiRoute } from "@/lib/http/route";
import { autoClusterSchema } from "@/lib/ai/schemas";
import { startAutoCluster } from "@/lib/ai/service";

export const POST = apiRoute({ auth: "user", body: autoClusterSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startAutoCluster(ctx, body.ids);
  return { taskId: run.id, run };
});
