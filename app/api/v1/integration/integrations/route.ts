import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createIntegrationSchema, listIntegrationsQuerySchema } from "@/lib/integration/schemas";
import { createIntegration, listIntegrations } from "@/lib/integration/service";
import { integrationCreatedResponse, integrationResponse } from "@/lib/publishing/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List site integrations", response: listOf(integrationResponse), auth: "user", query: listIntegrationsQuerySchema }, async ({ ctx, query }) => paginated(await listIntegrations(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Create a site integration (a custom webhook answers its signing secret once)", response: integrationCreatedResponse, auth: "user", body: createIntegrationSchema, permission: "manageAccount", status: 201 }, async ({ ctx, body }) => createIntegration(scoped(ctx), ctx, body));
