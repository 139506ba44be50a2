// Drafts and Published are one list (content without html) with a fixed status scope.
import { tableCursors, withKeysetFallback } from "@/components/data-table/keyset";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { ContentTable } from "@/components/writer/content-table";
import { contentFilters } from "@/components/writer/filters";
import { NoSiteState } from "@/components/writer/no-site";
import { parseInput } from "@/lib/http/validation";
import { CONTENT_SORT_FIELDS, type ContentStatus } from "@/lib/writer/constants";
import { listContentQuerySchema } from "@/lib/writer/schemas";
import { listContent } from "@/lib/writer/service";
import { writerPageContext, type SearchParams } from "./page-context";

const KINDS = {
  drafts: { title: "Drafts", description: "Articles being written or in review.", statuses: ["draft", "review"] as ContentStatus[], ordering: "-updatedAt" },
  published: { title: "Published", description: "Articles that are live.", statuses: ["published"] as ContentStatus[], ordering: "-publishedAt" },
};

export async function ContentListPage({ kind, searchParams }: { kind: keyof typeof KINDS; searchParams: SearchParams }) {
  const spec = KINDS[kind];
  const { selection, db, canWrite, canManage } = await writerPageContext();
  const header = <PageHeader title={spec.title} description={spec.description} />;
  if (!selection.site) return <>{header}<NoSiteState canManage={canManage} /></>;
  const clusters = await db.cluster.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
  const filters = contentFilters(clusters, spec.statuses);
  const raw = await searchParams;
  const query = parseTableSearchParams(raw, { filters, sortFields: CONTENT_SORT_FIELDS, defaultOrdering: spec.ordering });
  const parsed = parseInput(listContentQuerySchema, { ...toServiceQuery(query), cursor: query.cursor || undefined });
  // The page's scope always applies; a status filter can only narrow it.
  const status = parsed.status?.filter((s) => spec.statuses.includes(s));
  const page = await withKeysetFallback(`/writer/${kind}`, raw, () => listContent(db, { ...parsed, status: status?.length ? status : spec.statuses }));
  const { count, countIsEstimate, results } = page;
  return (
    <>
      {header}
      <ContentTable kind={kind} rows={results} count={count} countIsEstimate={countIsEstimate} cursors={tableCursors(page)} filters={filters} canWrite={canWrite} placement={{ siteId: selection.site.id, sectorId: selection.sector?.id ?? selection.sectors[0]?.id ?? null }} />
    </>
  );
}
