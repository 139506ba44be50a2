import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { transactionsQuerySchema, TRANSACTION_SORT_FIELDS } from "@/lib/billing/schemas";
import { listTransactions, transactionTotals } from "@/lib/billing/transactions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { parseInput } from "@/lib/http/validation";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { transactionFilters } from "@/components/billing/filters";
import { formatCredits } from "@/components/billing/labels";
import { ManagersOnly } from "@/components/billing/managers-only";
import { TransactionsTable } from "@/components/billing/transactions-table";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Transactions" };

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const header = <PageHeader title="Transactions" description="Every change to your credit balance: grants and purchases, AI usage, refunds and adjustments, with the balance after each." />;
  if (!can.manageAccount(ctx.role)) return <>{header}<ManagersOnly what="the account's transactions" /></>;

  const query = parseTableSearchParams(await searchParams, { filters: transactionFilters, sortFields: TRANSACTION_SORT_FIELDS, defaultOrdering: "-createdAt" });
  const { date, ...rest } = toServiceQuery(query);
  const serviceQuery = parseInput(transactionsQuerySchema, { ...rest, dateFrom: date?.from, dateTo: date?.to });
  const db = scoped(ownAccount(ctx));
  const [list, totals] = await Promise.all([listTransactions(db, serviceQuery), transactionTotals(db, serviceQuery)]);

  const params = new URLSearchParams();
  if (serviceQuery.type?.length) params.set("type", serviceQuery.type.join(","));
  if (serviceQuery.dateFrom) params.set("date_from", serviceQuery.dateFrom);
  if (serviceQuery.dateTo) params.set("date_to", serviceQuery.dateTo);
  if (serviceQuery.search) params.set("search", serviceQuery.search);
  const filtered = query.activeFilterCount > 0 || Boolean(query.search);

  return (
    <>
      {header}
      {list.count > 0 && (
        <p className="mb-3 text-sm text-muted-foreground" data-testid="transaction-totals">
          {filtered ? "Matching transactions" : "All transactions"}: <span className="font-medium text-success">+{formatCredits(totals.credited)}</span> credited ·{" "}
          <span className="font-medium text-foreground">−{formatCredits(totals.debited)}</span> used or removed
        </p>
      )}
      <TransactionsTable rows={list.results} count={list.count} exportHref={`/api/v1/billing/transactions/export_csv/${params.size ? `?${params}` : ""}`} />
    </>
  );
}
