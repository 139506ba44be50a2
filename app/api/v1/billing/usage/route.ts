import { usageQuerySchema } from "@/lib/billing/schemas";
import { getUsage } from "@/lib/billing/usage";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user", permission: "manageAccount", query: usageQuerySchema }, async ({ ctx, query }) => getUsage(scoped(ownAccount(ctx)), ctx.accountId, query));
