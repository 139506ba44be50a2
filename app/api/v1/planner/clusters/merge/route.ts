import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { mergeClusters } from "@/lib/planner/clusters";
import { mergeClustersSchema } from "@/lib/planner/schemas";

export const POST = apiRoute({ auth: "user", body: mergeClustersSchema }, async ({ ctx, body }) => mergeClusters(scoped(ctx), ctx, body.sourceId, body.targetId));
