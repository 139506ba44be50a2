import { transactionsQuerySchema } from "@/lib/billing/schemas";
import { listTransactions } from "@/lib/billing/transactions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user", permission: "manageAccount", query: transactionsQuerySchema }, async ({ ctx, query }) =>
  paginated(await listTransactions(scoped(ownAccount(ctx)), query), query),
);
