import { transactionsQuerySchema } from "@/lib/billing/schemas";
import { exportTransactionsCsv } from "@/lib/billing/transactions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";
import { download } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "Export credit transactions as CSV", response: download("text/csv", "The filtered ledger, one transaction a row"), auth: "user", permission: "manageAccount", query: transactionsQuerySchema }, async ({ ctx, query }) => {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportTransactionsCsv(scoped(ownAccount(ctx)), query), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="credit-transactions-${stamp}.csv"`, "cache-control": "no-store" },
  });
});
