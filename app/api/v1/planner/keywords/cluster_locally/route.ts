import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { startLocalClustering } from "@/lib/planner/local-clustering";
import { localClusteringSchema } from "@/lib/planner/schemas";
import { startedRunResponse } from "@/lib/runs/responses";

/** Starts "Cluster locally" for one sector as a background run: 202 { task_id }. */
export const POST = apiRoute({ summary: "Cluster a sector locally, without AI (202)", response: startedRunResponse, auth: "user", body: localClusteringSchema, status: 202 }, async ({ ctx, body }) => {
  const run = await startLocalClustering(ctx, scoped(ctx), body);
  return { taskId: run.id, run };
});
