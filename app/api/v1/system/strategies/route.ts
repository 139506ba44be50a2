import { apiRoute, paginated } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { createStrategy, listStrategies } from "@/lib/settings/strategies";
import { listSettingsQuerySchema, strategySchema } from "@/lib/settings/schemas";
import { strategyListItemResponse, strategyResponse } from "@/lib/settings/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List strategies", response: listOf(strategyListItemResponse), auth: "user", query: listSettingsQuerySchema }, async ({ ctx, query }) => paginated(await listStrategies(scoped(ownAccount(ctx)), query), query));
export const POST = apiRoute({ summary: "Create a strategy", response: strategyResponse, auth: "user", body: strategySchema, permission: "write", status: 201 }, async ({ ctx, body }) => createStrategy(scoped(ownAccount(ctx)), ctx, body));
