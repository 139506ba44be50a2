"use client";

import { RotateCcw, Trash2, Undo2 } from "lucide-react";
import { purgeTrashAction, restoreTrashAction } from "@/lib/trash/actions";
import type { TrashRow } from "@/lib/trash/list";
import { TRASH_RETENTION_DAYS } from "@/lib/trash/types";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableBulkAction, DataTableConfig, DataTableRowAction } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { TRASH_TYPE_LABELS } from "./labels";

const col = createDataTableColumnHelper<TrashRow>();

const date = (value: Date | string) => new Date(value).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

function daysLeft(purgeAt: Date | string): string {
  const days = Math.max(0, Math.ceil((new Date(purgeAt).getTime() - Date.now()) / 86_400_000));
  return days === 0 ? "today" : days === 1 ? "in 1 day" : `in ${days} days`;
}

const COLUMNS = col.columns([
  col.accessor("label", {
    header: "Item",
    meta: { sortField: "label", cellClassName: "min-w-64 max-w-xl" },
    cell: ({ row }) => (
      <div className="min-w-0">
        <div className="flex items-center gap-2">
          <Badge variant="outline" className="shrink-0">{TRASH_TYPE_LABELS[row.original.itemType].one}</Badge>
          <span className="truncate font-medium">{row.original.label}</span>
        </div>
        {row.original.note && <div className="mt-0.5 truncate text-xs text-muted-foreground">{row.original.note}</div>}
      </div>
    ),
  }),
  col.accessor("sectorName", { header: "Sector" }),
  col.accessor("deletedAt", {
    header: "Deleted",
    meta: { sortField: "deletedAt" },
    cell: ({ row }) => (
      <div className="whitespace-nowrap">
        {date(row.original.deletedAt)}
        {row.original.deletedBy && <div className="text-xs text-muted-foreground">by {row.original.deletedBy}</div>}
      </div>
    ),
  }),
  col.accessor("purgeAt", { header: "Deleted forever", cell: ({ getValue }) => <span className="whitespace-nowrap text-muted-foreground">{daysLeft(getValue())}</span> }),
]);

/** The Trash page's table: restore (writers) and delete forever (owners and admins). */
export function TrashTable({ rows, count, canRestore, canPurge }: { rows: TrashRow[]; count: number; canRestore: boolean; canPurge: boolean }) {
  const restoreRow: DataTableRowAction<TrashRow> = { id: "restore", label: "Restore", icon: Undo2, run: (id) => restoreTrashAction({ ids: [id] }) };
  const purgeRow: DataTableRowAction<TrashRow> = {
    id: "purge",
    label: "Delete forever",
    icon: Trash2,
    variant: "destructive",
    confirm: { title: "Delete this item forever?", description: "It cannot be restored afterwards.", confirmLabel: "Delete forever" },
    run: (id) => purgeTrashAction({ ids: [id] }),
  };
  const restoreMany: DataTableBulkAction = { id: "restore", label: "Restore", icon: RotateCcw, run: (ids) => restoreTrashAction({ ids }) };
  const purgeMany: DataTableBulkAction = {
    id: "purge",
    label: "Delete forever",
    icon: Trash2,
    variant: "destructive",
    confirm: { title: "Delete {count} item(s) forever?", description: "They cannot be restored afterwards. Articles go with their images.", confirmLabel: "Delete forever" },
    run: (ids) => purgeTrashAction({ ids }),
  };
  const config: DataTableConfig<TrashRow> = {
    title: "Trash",
    search: { placeholder: "Search deleted items…" },
    getRowLabel: (r) => r.label,
    columns: COLUMNS,
    // Viewers only look: no selection, no actions.
    rowActions: canRestore || canPurge ? [...(canRestore ? [restoreRow] : []), ...(canPurge ? [purgeRow] : [])] : undefined,
    bulkActions: canRestore || canPurge ? [...(canRestore ? [restoreMany] : []), ...(canPurge ? [purgeMany] : [])] : undefined,
    emptyState: {
      icon: Trash2,
      title: "The trash is empty",
      description: `Deleted keywords, clusters, ideas, tasks, articles and images wait here for ${TRASH_RETENTION_DAYS} days, so you can restore them. After that they are deleted for good.`,
    },
    noResults: { title: "Nothing in the trash matches", description: "Try another search or type." },
  };
  return <DataTable config={config} rows={rows} count={count} />;
}
