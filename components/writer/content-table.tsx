"use client";

import { useState } from "react";
import Link from "next/link";
import { FileText, Link2, ListChecks, Send, Sparkles, Trash2, Undo2 } from "lucide-react";
import { batchLinksAction } from "@/lib/linker/actions";
import { batchOptimizeAction } from "@/lib/optimizer/actions";
import { updateContentsStatusAction } from "@/lib/writer/actions";
import type { ContentStatus } from "@/lib/writer/constants";
import type { ContentListItem } from "@/lib/writer/service";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableBulkAction, DataTableConfig, DataTableFilter, TableCursors } from "@/components/data-table/types";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { CostEstimate } from "@/components/billing/cost-estimate";
import { Button } from "@/components/ui/button";
import { DeleteContentDialog } from "@/components/trash/delete-content-dialog";
import { BulkStatusDialog } from "./bulk-status-dialog";
import { CONTENT_STATUS_LABELS, formatDate, formatNumber } from "./labels";
import { NewDraftButton } from "./new-draft-button";
import { ContentStatusBadge } from "./status-badge";

type Kind = "drafts" | "published";
type Props = {
  kind: Kind;
  rows: ContentListItem[];
  count: number;
  countIsEstimate?: boolean;
  /** Keyset paging: the cursors either side of this page. */
  cursors?: TableCursors;
  filters: readonly DataTableFilter[];
  canWrite: boolean;
  placement: { siteId: number; sectorId: number | null };
};

const col = createDataTableColumnHelper<ContentListItem>();

const COLUMNS = (kind: Kind) =>
  col.columns([
    col.accessor("title", {
      header: "Article",
      meta: { sortField: "title" },
      cell: ({ row }) => (
        <div className="flex min-w-64 max-w-lg items-center gap-3">
          {row.original.featuredImage ? (
            // eslint-disable-next-line @next/next/no-img-element -- stored images are served by /media, not the image optimiser
            <img src={row.original.featuredImage.url} alt="" className="size-10 shrink-0 rounded-md border object-cover" loading="lazy" />
          ) : (
            <div className="flex size-10 shrink-0 items-center justify-center rounded-md border bg-muted text-muted-foreground"><FileText className="size-4" aria-hidden /></div>
          )}
          <div className="min-w-0">
            <Link href={`/writer/content/${row.original.id}`} className="block truncate font-medium hover:underline">{row.original.title}</Link>
            <div className="truncate text-xs text-muted-foreground">{row.original.primaryKeyword || `/${row.original.slug}`}</div>
          </div>
        </div>
      ),
    }),
    col.accessor("status", { header: "Status", meta: { sortField: "status" }, cell: ({ getValue }) => <ContentStatusBadge status={getValue()} /> }),
    col.accessor("wordCount", { header: "Words", meta: { sortField: "wordCount", align: "right" }, cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue())}</span> }),
    col.accessor("cluster", { header: "Cluster", cell: ({ getValue }) => getValue()?.name ?? <span className="text-muted-foreground">—</span> }),
    kind === "published"
      ? col.accessor("publishedAt", { header: "Published", meta: { sortField: "publishedAt" }, cell: ({ getValue }) => formatDate(getValue()) })
      : col.accessor("createdAt", { header: "Created", meta: { sortField: "createdAt" }, cell: ({ getValue }) => formatDate(getValue()) }),
    col.accessor("updatedAt", { header: "Updated", meta: { sortField: "updatedAt" }, cell: ({ getValue }) => formatDate(getValue()) }),
  ]);

export function ContentTable({ kind, rows, count, countIsEstimate, cursors, filters, canWrite, placement }: Props) {
  const [statusIds, setStatusIds] = useState<number[] | null>(null);
  const [deleteIds, setDeleteIds] = useState<number[] | null>(null);
  const move = (status: ContentStatus) => (ids: number[]) => updateContentsStatusAction({ ids, status });
  const remove: DataTableBulkAction = {
    id: "delete",
    label: "Delete",
    icon: Trash2,
    variant: "destructive",
    // The dialog asks about published copies before anything happens.
    run: (ids) => setDeleteIds(ids),
  };
  const { track } = useRunTracker();
  // Background runs: the progress card follows them; the toast says where the results show up.
  const improve: DataTableBulkAction[] = [
    {
      id: "link",
      label: "Add internal links",
      icon: Link2,
      confirm: { title: "Add internal links to {count} article(s)?", description: "Each gets its best link suggestions to other published articles of the site, up to 5 links. Every link can be undone from the article's editor.", confirmLabel: "Add links" },
      run: async (ids) => {
        const result = await batchLinksAction({ contentIds: ids });
        if (result.ok) track(result.data.id, "Internal linking");
        return { ok: result.ok, message: result.message };
      },
    },
    {
      id: "optimize",
      label: "Optimize with AI",
      icon: Sparkles,
      confirm: { title: "Ask the AI to optimize {count} article(s)?", description: "It proposes edits for what each article's score flags. Nothing changes until you accept edits in the editor.", confirmLabel: "Start", details: (ids) => <CostEstimate operation="optimize_content" ids={ids} /> },
      run: async (ids) => {
        const result = await batchOptimizeAction({ contentIds: ids });
        if (result.ok) track(result.data.id, "Content optimization");
        return { ok: result.ok, message: result.message };
      },
    },
  ];
  const bulkActions: DataTableBulkAction[] =
    kind === "drafts"
      ? [{ id: "review", label: "Send to review", icon: Send, run: move("review") }, { id: "status", label: "Set status…", icon: ListChecks, run: (ids) => setStatusIds(ids) }, ...improve, remove]
      : [{ id: "unpublish", label: "Unpublish", icon: Undo2, confirm: { title: "Unpublish {count} article(s)?", description: "They go back to Drafts.", confirmLabel: "Unpublish" }, run: move("draft") }, ...improve, remove];

  const config: DataTableConfig<ContentListItem> = {
    title: kind === "drafts" ? "Drafts" : "Published articles",
    search: { placeholder: "Search titles and keywords…" },
    filters,
    getRowLabel: (c) => c.title,
    columns: COLUMNS(kind),
    bulkActions: canWrite ? bulkActions : undefined,
    toolbar: kind === "drafts" && canWrite ? <NewDraftButton siteId={placement.siteId} sectorId={placement.sectorId} /> : undefined,
    emptyState:
      kind === "drafts"
        ? {
            icon: FileText,
            title: "No drafts yet",
            description: "Open a task and write it, generate articles from Tasks, or start a blank draft.",
            action: (
              <>
                <Button variant="outline" asChild><Link href="/writer/tasks">Go to tasks</Link></Button>
                {canWrite && <NewDraftButton siteId={placement.siteId} sectorId={placement.sectorId} size="default" />}
              </>
            ),
          }
        : {
            icon: Send,
            title: "Nothing published yet",
            description: "Articles land here once they are published. Send a draft to review, then publish it from the editor.",
            action: <Button asChild><Link href="/writer/drafts">Go to drafts</Link></Button>,
          },
  };

  return (
    <>
      <DataTable config={config} rows={rows} count={count} countIsEstimate={countIsEstimate} cursors={cursors} />
      {deleteIds && <DeleteContentDialog ids={deleteIds} onClose={() => setDeleteIds(null)} />}
      {statusIds && (
        <BulkStatusDialog
          ids={statusIds}
          noun="article"
          options={(["review", "draft", "published"] as const).map((value) => ({ value, label: CONTENT_STATUS_LABELS[value] }))}
          onClose={() => setStatusIds(null)}
          run={updateContentsStatusAction}
        />
      )}
    </>
  );
}
