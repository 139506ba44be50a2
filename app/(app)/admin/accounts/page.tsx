import type { Metadata } from "next";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { listAccounts } from "@/lib/admin/accounts";
import { adminAccountsQuerySchema } from "@/lib/admin/schemas";
import { parseInput } from "@/lib/http/validation";
import { listAllPlans } from "@/lib/plans/service";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { AccountsTable } from "@/components/admin/accounts-table";
import { accountFilters } from "@/components/admin/filters";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Accounts" };

export default async function AdminAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireDeveloperPage();
  const query = parseTableSearchParams(await searchParams, { filters: accountFilters, sortFields: ["name", "createdAt", "credits", "status"], defaultOrdering: "-createdAt" });
  const [accounts, plans] = await Promise.all([listAccounts(parseInput(adminAccountsQuerySchema, toServiceQuery(query))), listAllPlans(ctx)]);
  return (
    <>
      <PageHeader title="Accounts" description="Every account on this installation: plan, status, credits, this month's usage and size. Suspending locks its users out on their next request; credit adjustments land in the account's ledger with your reason." />
      <AccountsTable rows={accounts.results} count={accounts.count} plans={plans.map((p) => ({ id: p.id, name: p.isActive ? p.name : `${p.name} (retired)`, includedCredits: p.includedCredits }))} />
    </>
  );
}
