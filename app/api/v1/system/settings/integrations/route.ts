import { apiRoute, paginated } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listIntegrations } from "@/lib/settings/integrations";
import { aiIntegrationResponse } from "@/lib/settings/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

export const GET = apiRoute({ summary: "List AI integrations (keys masked)", response: listOf(aiIntegrationResponse), auth: "user", permission: "manageAccount", query: pageQuerySchema }, async ({ ctx, query }) =>
  paginated(pageOf(await listIntegrations(scoped(ownAccount(ctx))), query), query),
);
