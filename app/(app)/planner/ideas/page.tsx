import type { Metadata } from "next";
import { workspacePageContext } from "@/lib/http/page-context";
import { parseInput } from "@/lib/http/validation";
import { clusterOptions } from "@/lib/planner/clusters";
import { listIdeas } from "@/lib/planner/ideas";
import { ideaListQuerySchema } from "@/lib/planner/schemas";
import { tableCursors, withKeysetFallback } from "@/components/data-table/keyset";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { IDEA_SORT_FIELDS, ideaFilters } from "@/components/planner/filters";
import { IdeasTable } from "@/components/planner/ideas-table";
import { NoSiteState } from "@/components/planner/no-site";

export const metadata: Metadata = { title: "Ideas" };

export default async function IdeasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, selection, filter, canWrite } = await workspacePageContext();
  if (!selection.site) return <NoSiteState />;
  const clusters = await clusterOptions(db, filter);
  const raw = await searchParams;
  const tableQuery = parseTableSearchParams(raw, { filters: ideaFilters(clusters), sortFields: IDEA_SORT_FIELDS, defaultOrdering: "-createdAt" });
  const { cluster, ...rest } = toServiceQuery(tableQuery);
  const query = parseInput(ideaListQuerySchema, { ...rest, cursor: tableQuery.cursor || undefined, ...filter, clusterId: cluster });
  const page = await withKeysetFallback("/planner/ideas", raw, () => listIdeas(db, query));
  const { count, countIsEstimate, results } = page;
  return (
    <>
      <PageHeader title="Ideas" description="Articles and pages to write, usually one or more per cluster. Queue them to the writer when they are ready." />
      <IdeasTable rows={results} count={count} countIsEstimate={countIsEstimate} cursors={tableCursors(page)} workspace={{ site: selection.site, sectors: selection.sectors, sectorId: selection.sector?.id ?? null }} clusters={clusters} canWrite={canWrite && selection.sectors.length > 0} />
    </>
  );
}
