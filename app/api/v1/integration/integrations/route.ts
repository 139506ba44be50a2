import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createIntegrationSchema, listIntegrationsQuerySchema } from "@/lib/integration/schemas";
import { createIntegration, listIntegrations } from "@/lib/integration/service";

export const GET = apiRoute({ auth: "user", query: listIntegrationsQuerySchema }, async ({ ctx, query }) => paginated(await listIntegrations(scoped(ctx), query), query));

export const POST = apiRoute({ auth: "user", body: createIntegrationSchema, permission: "manageAccount", status: 201 }, async ({ ctx, body }) => createIntegration(scoped(ctx), ctx, body));
