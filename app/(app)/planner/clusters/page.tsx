import type { Metadata } from "next";
import { workspacePageContext } from "@/lib/http/page-context";
import { EXACT_COUNT_LIMIT } from "@/lib/http/list-count";
import { parseInput } from "@/lib/http/validation";
import Link from "next/link";
import { clusterOptions, countClustersToCheck, listClusters } from "@/lib/planner/clusters";
import { clusterListQuerySchema } from "@/lib/planner/schemas";
import { formatCapped } from "@/components/data-table/format";
import { tableCursors, withKeysetFallback } from "@/components/data-table/keyset";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { ClustersTable } from "@/components/planner/clusters-table";
import { CLUSTER_SORT_FIELDS, clusterFilters } from "@/components/planner/filters";
import { NoSiteState } from "@/components/planner/no-site";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, selection, filter, canWrite } = await workspacePageContext();
  if (!selection.site) return <NoSiteState />;
  const raw = await searchParams;
  const tableQuery = parseTableSearchParams(raw, { filters: clusterFilters, sortFields: CLUSTER_SORT_FIELDS, defaultOrdering: "-volume" });
  const query = parseInput(clusterListQuerySchema, { ...toServiceQuery(tableQuery), cursor: tableQuery.cursor || undefined, ...filter });
  const [page, allClusters, toCheck] = await Promise.all([withKeysetFallback("/planner/clusters", raw, () => listClusters(db, query)), clusterOptions(db, filter), countClustersToCheck(db, filter)]);
  const { count, countIsEstimate, results } = page;
  return (
    <>
      <PageHeader
        title="Clusters"
        description="Groups of keywords one page should rank for, with their keyword count and total search volume. Rename inline, merge, or open a cluster's keywords to move them."
        actions={
          toCheck > 0 &&
          query.review !== "needs_check" && (
            <Link className="text-sm font-medium text-primary underline-offset-4 hover:underline" href="/planner/clusters?review=needs_check&ordering=confidence">
              {formatCapped(toCheck, EXACT_COUNT_LIMIT)} {toCheck === 1 ? "cluster needs" : "clusters need"} a check
            </Link>
          )
        }
      />
      <ClustersTable rows={results} count={count} countIsEstimate={countIsEstimate} cursors={tableCursors(page)} workspace={{ site: selection.site, sectors: selection.sectors, sectorId: selection.sector?.id ?? null }} allClusters={allClusters} canWrite={canWrite && selection.sectors.length > 0} />
    </>
  );
}
