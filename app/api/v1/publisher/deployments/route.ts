import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { deploySite, listDeployments } from "@/lib/publishing/deployments";
import { listDeploymentsQuerySchema, siteIdBodySchema } from "@/lib/publishing/schemas";

export const GET = apiRoute({ auth: "user", query: listDeploymentsQuerySchema }, async ({ ctx, query }) => paginated(await listDeployments(scoped(ctx), query), query));

export const POST = apiRoute({ auth: "user", body: siteIdBodySchema, permission: "write", status: 201 }, async ({ ctx, body }) => deploySite(scoped(ctx), ctx, body.siteId));
