import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { deploySite, listDeployments } from "@/lib/publishing/deployments";
import { listDeploymentsQuerySchema, siteIdBodySchema } from "@/lib/publishing/schemas";
import { deploymentCreatedResponse, deploymentResponse } from "@/lib/publishing/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List deployments", response: listOf(deploymentResponse), auth: "user", query: listDeploymentsQuerySchema }, async ({ ctx, query }) => paginated(await listDeployments(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Deploy the hosted site (a new deployment record)", response: deploymentCreatedResponse, auth: "user", body: siteIdBodySchema, permission: "write", status: 201 }, async ({ ctx, body }) => deploySite(scoped(ctx), ctx, body.siteId));
