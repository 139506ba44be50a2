import { usageQuerySchema } from "@/lib/billing/schemas";
import { getUsage } from "@/lib/billing/usage";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";
import { usageResponse } from "@/lib/billing/responses";

export const GET = apiRoute({ summary: "Usage by day, operation, model and site", response: usageResponse, auth: "user", permission: "manageAccount", query: usageQuerySchema }, async ({ ctx, query }) => getUsage(scoped(ownAccount(ctx)), ctx.accountId, query));
