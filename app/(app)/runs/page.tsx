import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { parseInput } from "@/lib/http/validation";
import { listRunsQuerySchema } from "@/lib/runs/schemas";
import { listRuns } from "@/lib/runs/service";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { runFilters, RUN_SORT_FIELDS } from "@/components/runs/filters";
import { RunAutoRefresh } from "@/components/runs/run-detail-actions";
import { RunsTable } from "@/components/runs/runs-table";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const query = parseTableSearchParams(await searchParams, { filters: runFilters, sortFields: RUN_SORT_FIELDS, defaultOrdering: "-createdAt" });
  const runs = await listRuns(scoped(ownAccount(ctx)), parseInput(listRunsQuerySchema, toServiceQuery(query)), ownAccount(ctx));
  return (
    <>
      <RunAutoRefresh active={runs.results.some((r) => r.status === "pending" || r.status === "running")} />
      <PageHeader title="Runs" description="Background work of your account: AI clustering, ideas, articles and images. Each run shows its progress, result, cost and errors." />
      <RunsTable rows={runs.results} count={runs.count} canWrite={can.write(ctx.role)} />
    </>
  );
}
