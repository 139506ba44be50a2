"use client";

import { useState } from "react";
import { Pencil, Trash2, UserPen } from "lucide-react";
import { deleteAuthorProfilesAction } from "@/lib/settings/actions";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { AuthorDialog, type AuthorRow } from "./author-dialog";

const col = createDataTableColumnHelper<AuthorRow>();

export function AuthorsTable({ rows, count, canWrite }: { rows: AuthorRow[]; count: number; canWrite: boolean }) {
  const [editing, setEditing] = useState<AuthorRow | null>(null);
  const config: DataTableConfig<AuthorRow> = {
    title: "Author profiles",
    search: { placeholder: "Search names…" },
    getRowLabel: (r) => r.name,
    columns: col.columns([
      col.accessor("name", {
        header: "Name",
        meta: { sortField: "name" },
        cell: ({ row }) => (
          <div>
            <div className="font-medium">{row.original.name}</div>
            <div className="line-clamp-1 text-xs text-muted-foreground">{row.original.description}</div>
          </div>
        ),
      }),
      col.accessor("tone", { header: "Tone", meta: { sortField: "tone" } }),
      col.accessor("language", { header: "Language", meta: { sortField: "language" } }),
      col.accessor("isActive", { header: "Status", cell: ({ getValue }) => <Badge variant={getValue() ? "success" : "secondary"}>{getValue() ? "Active" : "Inactive"}</Badge> }),
    ]),
    bulkActions: canWrite
      ? [{ id: "delete", label: "Delete", icon: Trash2, variant: "destructive", confirm: { title: "Delete {count} author profile(s)?", description: "Tasks using them fall back to the first active profile.", confirmLabel: "Delete" }, run: (ids) => deleteAuthorProfilesAction({ ids }) }]
      : undefined,
    rowActions: canWrite ? [{ id: "edit", label: "Edit", icon: Pencil, run: (_id, row) => setEditing(row) }] : undefined,
    toolbar: canWrite ? <AuthorDialog /> : undefined,
    emptyState: {
      icon: UserPen,
      title: "No author profiles yet",
      description: "Create a profile with a tone and language; article generation writes in its voice. Without one, articles are professional and in English.",
      action: canWrite ? <AuthorDialog /> : undefined,
    },
  };
  return (
    <>
      <DataTable config={config} rows={rows} count={count} />
      {editing && <AuthorDialog key={editing.id} author={editing} open onOpenChange={(open) => !open && setEditing(null)} />}
    </>
  );
}
