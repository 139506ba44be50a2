import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { assignKeywordsToCluster } from "@/lib/planner/keywords";
import { bulkAssignSchema } from "@/lib/planner/schemas";

export const POST = apiRoute({ auth: "user", body: bulkAssignSchema }, async ({ ctx, body }) => assignKeywordsToCluster(scoped(ctx), ctx, body.ids, body.clusterId));
