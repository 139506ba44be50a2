"use client";

import { useState } from "react";
import { ListOrdered, Pencil, Trash2 } from "lucide-react";
import { deleteStrategiesAction } from "@/lib/settings/actions";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { StrategyDialog, type SectorOption, type StrategyRow } from "./strategy-dialog";

const col = createDataTableColumnHelper<StrategyRow>();

export function StrategiesTable({ rows, count, sectors, canWrite }: { rows: StrategyRow[]; count: number; sectors: SectorOption[]; canWrite: boolean }) {
  const [editing, setEditing] = useState<StrategyRow | null>(null);
  const config: DataTableConfig<StrategyRow> = {
    title: "Strategies",
    search: { placeholder: "Search names…" },
    getRowLabel: (r) => r.name,
    columns: col.columns([
      col.accessor("name", { header: "Name", meta: { sortField: "name" }, cell: ({ getValue }) => <span className="font-medium">{getValue()}</span> }),
      col.accessor("sectorName", { header: "Sector", cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">Any sector</span> }),
      col.accessor("sectionLogic", {
        header: "Sections",
        cell: ({ getValue }) => {
          const logic = (getValue() ?? {}) as { sections?: string[]; faq?: boolean };
          const all = [...(logic.sections ?? []), ...(logic.faq ? ["FAQ"] : [])];
          return all.length ? <span className="line-clamp-2 max-w-md text-sm">{all.join(" → ")}</span> : <span className="text-muted-foreground">Writer chooses</span>;
        },
      }),
      col.accessor("isActive", { header: "Status", cell: ({ getValue }) => <Badge variant={getValue() ? "success" : "secondary"}>{getValue() ? "Active" : "Inactive"}</Badge> }),
    ]),
    bulkActions: canWrite
      ? [{ id: "delete", label: "Delete", icon: Trash2, variant: "destructive", confirm: { title: "Delete {count} strateg(ies)?", description: "Tasks using them fall back to their sector's strategy.", confirmLabel: "Delete" }, run: (ids) => deleteStrategiesAction({ ids }) }]
      : undefined,
    rowActions: canWrite ? [{ id: "edit", label: "Edit", icon: Pencil, run: (_id, row) => setEditing(row) }] : undefined,
    toolbar: canWrite ? <StrategyDialog sectors={sectors} /> : undefined,
    emptyState: {
      icon: ListOrdered,
      title: "No strategies yet",
      description: "A strategy fixes the sections of every article in a sector (e.g. What you need → Steps → FAQ). Without one, the writer chooses.",
      action: canWrite ? <StrategyDialog sectors={sectors} /> : undefined,
    },
  };
  return (
    <>
      <DataTable config={config} rows={rows} count={count} />
      {editing && <StrategyDialog key={editing.id} strategy={editing} sectors={sectors} open onOpenChange={(open) => !open && setEditing(null)} />}
    </>
  );
}
