import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { workspacePageContext } from "@/lib/http/page-context";
import { parseInput } from "@/lib/http/validation";
import { trashListQuerySchema } from "@/lib/trash/schemas";
import { countTrashByType, listTrash } from "@/lib/trash/service";
import { TRASH_ITEM_TYPES, TRASH_RETENTION_DAYS, type TrashItemType } from "@/lib/trash/types";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { NoSiteState } from "@/components/planner/no-site";
import { TRASH_SORT_FIELDS, TRASH_TYPE_LABELS } from "@/components/trash/labels";
import { TrashTable } from "@/components/trash/trash-table";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = { title: "Trash" };

export default async function TrashPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, db, selection, filter, canWrite } = await workspacePageContext();
  const header = (
    <PageHeader
      title="Trash"
      description={`Deleted items of ${selection.site ? `“${selection.site.name}”` : "the selected site"}${selection.sector ? `, sector ${selection.sector.name}` : ""}. Restore them within ${TRASH_RETENTION_DAYS} days; after that they are deleted for good.`}
    />
  );
  if (!selection.site) return <>{header}<NoSiteState /></>;
  const params = await searchParams;
  const type = TRASH_ITEM_TYPES.find((t) => t === params.type);
  const tableQuery = parseTableSearchParams(params, { sortFields: TRASH_SORT_FIELDS, defaultOrdering: "-deletedAt" });
  const [counts, { count, results }] = await Promise.all([countTrashByType(db, filter), listTrash(db, parseInput(trashListQuerySchema, { ...toServiceQuery(tableQuery), ...filter, type }))]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs: { key: TrashItemType | undefined; label: string; n: number }[] = [{ key: undefined, label: "All", n: total }, ...TRASH_ITEM_TYPES.map((t) => ({ key: t, label: TRASH_TYPE_LABELS[t].many, n: counts[t] }))];
  return (
    <>
      {header}
      <nav aria-label="Item types" className="mb-4 flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <Link
            key={tab.label}
            href={tab.key ? `/trash?type=${tab.key}` : "/trash"}
            aria-current={tab.key === type ? "page" : undefined}
            className={cn("inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm transition-colors hover:bg-muted", tab.key === type && "border-primary bg-primary text-primary-foreground hover:bg-primary/90")}
          >
            {tab.label}
            <span className={cn("tabular-nums text-xs", tab.key === type ? "text-primary-foreground/80" : "text-muted-foreground")}>{tab.n.toLocaleString("en-US")}</span>
          </Link>
        ))}
      </nav>
      <TrashTable key={type ?? "all"} rows={results} count={count} canRestore={canWrite} canPurge={can.manageAccount(ctx.role)} />
    </>
  );
}
