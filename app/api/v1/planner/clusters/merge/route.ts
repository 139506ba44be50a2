import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { mergeClusters } from "@/lib/planner/clusters";
import { mergeClustersSchema } from "@/lib/planner/schemas";
import { clusterResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Merge one cluster into another", response: clusterResponse, auth: "user", body: mergeClustersSchema }, async ({ ctx, body }) => mergeClusters(scoped(ctx), ctx, body.sourceId, body.targetId));
