import { transactionsQuerySchema } from "@/lib/billing/schemas";
import { listTransactions } from "@/lib/billing/transactions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { presentList } from "@/lib/http/validation";
import { transactionResource, transactionResponse } from "@/lib/billing/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List credit transactions", response: listOf(transactionResponse), auth: "user", permission: "manageAccount", query: transactionsQuerySchema }, async ({ ctx, query }) =>
  paginated(presentList(await listTransactions(scoped(ownAccount(ctx)), query), transactionResource), query),
);
