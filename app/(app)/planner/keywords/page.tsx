import type { Metadata } from "next";
import { workspacePageContext } from "@/lib/http/page-context";
import { parseInput } from "@/lib/http/validation";
import { clusterOptions, getCluster } from "@/lib/planner/clusters";
import { listKeywords } from "@/lib/planner/keywords";
import { keywordListQuerySchema } from "@/lib/planner/schemas";
import { tableCursors, withKeysetFallback } from "@/components/data-table/keyset";
import { parseTableSearchParams } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { ClusterCheck } from "@/components/planner/cluster-check";
import { KEYWORD_SORT_FIELDS, keywordFilters, keywordServiceQuery } from "@/components/planner/filters";
import { KeywordsTable } from "@/components/planner/keywords-table";
import { NoSiteState } from "@/components/planner/no-site";

export const metadata: Metadata = { title: "Keywords" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function KeywordsPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, selection, filter, canWrite } = await workspacePageContext();
  if (!selection.site) return <NoSiteState />;
  const clusters = await clusterOptions(db, filter);
  const raw = await searchParams;
  const tableQuery = parseTableSearchParams(raw, { filters: keywordFilters(clusters), sortFields: KEYWORD_SORT_FIELDS, defaultOrdering: "-createdAt" });
  const query = parseInput(keywordListQuerySchema, keywordServiceQuery(tableQuery, filter));
  const filteredClusterId = typeof query.clusterId === "number" ? query.clusterId : null;
  const [page, cluster] = await Promise.all([withKeysetFallback("/planner/keywords", raw, () => listKeywords(db, query)), filteredClusterId ? getCluster(db, filteredClusterId) : null]);
  const { count, countIsEstimate, results } = page;
  const exportParams = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" && !["page", "page_size", "cursor"].includes(k) ? [[k, v]] : [])));
  exportParams.set("site_id", String(selection.site.id));
  if (selection.sector) exportParams.set("sector_id", String(selection.sector.id));
  return (
    <>
      <PageHeader
        title="Keywords"
        description={cluster ? `The keywords of “${cluster.name}”. Move out the ones another page should rank for, then mark the cluster checked.` : `${selection.site.name}${selection.sector ? ` · ${selection.sector.name}` : " · all sectors"}. Search, filter and edit inline; select rows for bulk actions.`}
        actions={cluster?.source === "local" && <ClusterCheck cluster={cluster} canWrite={canWrite} />}
      />
      <KeywordsTable
        rows={results}
        count={count}
        countIsEstimate={countIsEstimate}
        cursors={tableCursors(page)}
        workspace={{ site: selection.site, sectors: selection.sectors, sectorId: selection.sector?.id ?? null }}
        clusters={clusters}
        canWrite={canWrite && selection.sectors.length > 0}
        filteredClusterId={filteredClusterId}
        exportHref={`/api/v1/planner/keywords/export_csv/?${exportParams}`}
      />
    </>
  );
}
