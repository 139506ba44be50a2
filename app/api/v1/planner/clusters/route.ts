import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createCluster, listClusters } from "@/lib/planner/clusters";
import { clusterListQuerySchema, createClusterSchema } from "@/lib/planner/schemas";

export const GET = apiRoute({ auth: "user", query: clusterListQuerySchema }, async ({ ctx, query }) => paginated(await listClusters(scoped(ctx), query), query));

export const POST = apiRoute({ auth: "user", body: createClusterSchema, status: 201 }, async ({ ctx, body }) => createCluster(scoped(ctx), ctx, body));
