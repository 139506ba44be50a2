import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createCluster, listClusters } from "@/lib/planner/clusters";
import { clusterListQuerySchema, createClusterSchema } from "@/lib/planner/schemas";
import { clusterResponse } from "@/lib/planner/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List clusters", response: listOf(clusterResponse), auth: "user", query: clusterListQuerySchema }, async ({ ctx, query }) => paginated(await listClusters(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Create a cluster", response: clusterResponse, auth: "user", body: createClusterSchema, status: 201 }, async ({ ctx, body }) => createCluster(scoped(ctx), ctx, body));
