import type { Metadata } from "next";
import { tableCursors, withKeysetFallback } from "@/components/data-table/keyset";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { taskFilters } from "@/components/writer/filters";
import { NoSiteState } from "@/components/writer/no-site";
import { TasksTable } from "@/components/writer/tasks-table";
import { parseInput } from "@/lib/http/validation";
import { TASK_SORT_FIELDS } from "@/lib/writer/constants";
import { listTasksQuerySchema } from "@/lib/writer/schemas";
import { listTasks } from "@/lib/writer/service";
import { listContentTypes } from "@/lib/sites/content-types";
import { writerPageContext, type SearchParams } from "../page-context";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const { selection, db, canWrite, canManage } = await writerPageContext();
  const header = <PageHeader title="Tasks" description="Articles to write for the selected site, from planner ideas or added by hand." />;
  if (!selection.site) return <>{header}<NoSiteState canManage={canManage} /></>;
  const [clusters, contentTypes] = await Promise.all([db.cluster.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }), listContentTypes(db, selection.site.id)]);
  const filters = taskFilters(clusters);
  const raw = await searchParams;
  const query = parseTableSearchParams(raw, { filters, sortFields: TASK_SORT_FIELDS, defaultOrdering: "-createdAt" });
  const parsed = parseInput(listTasksQuerySchema, { ...toServiceQuery(query), cursor: query.cursor || undefined });
  const page = await withKeysetFallback("/writer/tasks", raw, () => listTasks(db, parsed));
  const { count, countIsEstimate, results } = page;
  // "Generate images" draws the images "Plan images" planned: the table says when there are none.
  const waiting = await db.image.groupBy({ by: ["taskId"], where: { taskId: { in: results.map((t) => t.id) }, storageKey: null, prompt: { not: "" } }, _count: { _all: true } });
  return (
    <>
      {header}
      <TasksTable
        rows={results}
        count={count}
        countIsEstimate={countIsEstimate}
        cursors={tableCursors(page)}
        filters={filters}
        clusters={clusters}
        canWrite={canWrite}
        imagesWaiting={Object.fromEntries(waiting.map((w) => [w.taskId!, w._count._all]))}
        placement={{ siteId: selection.site.id, sectorId: selection.sector?.id ?? null, sectors: selection.sectors, contentTypes }}
      />
    </>
  );
}
