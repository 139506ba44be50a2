import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { assignKeywordsToCluster } from "@/lib/planner/keywords";
import { bulkAssignSchema } from "@/lib/planner/schemas";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Assign keywords to a cluster", response: countsResponse("assigned", "skipped"), auth: "user", body: bulkAssignSchema }, async ({ ctx, body }) => assignKeywordsToCluster(scoped(ctx), ctx, body.ids, body.clusterId));
