"use client";

import { useState } from "react";
import { Lightbulb, Pencil, Plus, Send, Trash2 } from "lucide-react";
import { deleteIdeasAction } from "@/lib/planner/actions";
import { queueIdeasToWriterAction } from "@/lib/writer/actions";
import type { IdeaRow } from "@/lib/planner/ideas";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableBulkAction, DataTableConfig, TableCursors } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { capitalize, ideaFilters } from "./filters";
import { IdeaDialog } from "./idea-dialog";
import type { Workspace } from "./workspace";

type Props = { rows: IdeaRow[]; count: number; countIsEstimate?: boolean; cursors?: TableCursors; workspace: Workspace; clusters: { id: number; name: string; sectorId: number }[]; canWrite: boolean; extraBulkActions?: DataTableBulkAction[] };

const col = createDataTableColumnHelper<IdeaRow>();
const STATUS_VARIANT = { new: "default", queued: "warning", completed: "success", archived: "secondary" } as const;

export function IdeasTable({ rows, count, countIsEstimate, cursors, workspace, clusters, canWrite, extraBulkActions = [] }: Props) {
  const [editing, setEditing] = useState<IdeaRow | "new" | null>(null);
  const newButton = canWrite ? <Button onClick={() => setEditing("new")}><Plus className="size-4" /> New idea</Button> : undefined;
  const config: DataTableConfig<IdeaRow> = {
    title: "Ideas",
    search: { placeholder: "Search titles and keywords…" },
    filters: ideaFilters(clusters),
    getRowLabel: (i) => i.title,
    columns: col.columns([
      col.accessor("title", {
        header: "Idea",
        meta: { sortField: "title", cellClassName: "min-w-72" },
        cell: ({ row }) => (
          <div>
            <div className="font-medium">{row.original.title}</div>
            {row.original.targetKeywords && <div className="text-xs text-muted-foreground">{row.original.targetKeywords}</div>}
          </div>
        ),
      }),
      col.accessor("cluster", { header: "Cluster", cell: ({ getValue }) => getValue()?.name ?? <span className="text-muted-foreground">—</span> }),
      col.accessor("contentStructure", { header: "Structure", cell: ({ getValue }) => capitalize(getValue()) }),
      col.accessor("contentType", { header: "Type", cell: ({ getValue }) => capitalize(getValue()) }),
      col.accessor("estimatedWordCount", { header: "Words", meta: { sortField: "estimatedWordCount", align: "right" }, cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
      col.accessor("status", { header: "Status", meta: { sortField: "status" }, cell: ({ getValue }) => <Badge variant={STATUS_VARIANT[getValue() as keyof typeof STATUS_VARIANT]}>{capitalize(getValue())}</Badge> }),
      col.accessor("createdAt", { header: "Created", meta: { sortField: "createdAt" }, cell: ({ getValue }) => new Date(getValue()).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" }) }),
    ]),
    rowActions: canWrite
      ? [
          { id: "edit", label: "Edit", icon: Pencil, run: (_id, row) => setEditing(row) },
          { id: "queue", label: "Queue to writer", icon: Send, hidden: (row) => row.status !== "new", run: (id) => queueIdeasToWriterAction({ ids: [id] }) },
          { id: "delete", label: "Delete", icon: Trash2, variant: "destructive", confirm: { title: "Delete this idea?", description: "It goes to the trash: restore it within 30 days.", confirmLabel: "Delete" }, run: (id) => deleteIdeasAction({ ids: [id] }) },
        ]
      : undefined,
    bulkActions: canWrite
      ? [
          { id: "queue", label: "Queue to writer", icon: Send, run: (ids) => queueIdeasToWriterAction({ ids }) },
          ...extraBulkActions,
          { id: "delete", label: "Delete", icon: Trash2, variant: "destructive", confirm: { title: "Delete {count} idea(s)?", description: "They go to the trash: restore them within 30 days.", confirmLabel: "Delete" }, run: (ids) => deleteIdeasAction({ ids }) },
        ]
      : undefined,
    toolbar: newButton,
    emptyState: { icon: Lightbulb, title: "No ideas yet", description: "Write an idea for each cluster, or generate them with AI from the Clusters page.", action: newButton },
  };
  return (
    <>
      <DataTable config={config} rows={rows} count={count} countIsEstimate={countIsEstimate} cursors={cursors} />
      {editing && <IdeaDialog workspace={workspace} clusters={clusters} idea={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
