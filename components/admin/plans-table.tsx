"use client";

import { useState } from "react";
import { Archive, CreditCard, Pencil, Plus, Star } from "lucide-react";
import { retirePlanAction, updatePlanAction } from "@/lib/admin/actions";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PlanDialog, type PlanRow } from "./plan-dialog";

const col = createDataTableColumnHelper<PlanRow>();
const n = (v: number) => v.toLocaleString("en-US");

export function PlansTable({ plans }: { plans: PlanRow[] }) {
  const [editing, setEditing] = useState<PlanRow | "new" | null>(null);
  const config: DataTableConfig<PlanRow> = {
    title: "Plans",
    search: false,
    columns: col.columns([
      col.accessor("name", { header: "Plan", cell: ({ row }) => <div className="font-medium">{row.original.name} {row.original.isDefault && <Badge className="ml-1">default</Badge>} {!row.original.isActive && <Badge variant="secondary" className="ml-1">retired</Badge>}</div> }),
      col.accessor("price", { header: "Price", meta: { align: "right" }, cell: ({ getValue }) => `$${getValue()}` }),
      col.accessor("maxSites", { header: "Sites", meta: { align: "right" } }),
      col.accessor("maxUsers", { header: "Users", meta: { align: "right" } }),
      col.accessor("maxKeywords", { header: "Keywords", meta: { align: "right" }, cell: ({ getValue }) => n(getValue()) }),
      col.accessor("monthlyWords", { header: "Words/mo", meta: { align: "right" }, cell: ({ getValue }) => n(getValue()) }),
      col.accessor("includedCredits", { header: "Credits/mo", meta: { align: "right" }, cell: ({ getValue }) => n(getValue()) }),
      col.accessor("accounts", { header: "Accounts", meta: { align: "right" } }),
    ]),
    rowActions: [
      { id: "edit", label: "Edit", icon: Pencil, run: (_id, row) => setEditing(row) },
      { id: "default", label: "Make default for sign-ups", icon: Star, hidden: (p) => p.isDefault || !p.isActive, run: (id) => updatePlanAction({ id, isDefault: true }) },
      { id: "retire", label: "Retire", icon: Archive, variant: "destructive", hidden: (p) => !p.isActive, confirm: { title: "Retire this plan?", description: "Accounts on it keep it; nobody new can choose it.", confirmLabel: "Retire" }, run: (id) => retirePlanAction({ id }) },
      { id: "reactivate", label: "Offer again", icon: CreditCard, hidden: (p) => p.isActive, run: (id) => updatePlanAction({ id, isActive: true }) },
    ],
    toolbar: <Button onClick={() => setEditing("new")}><Plus className="size-4" /> New plan</Button>,
    emptyState: { icon: CreditCard, title: "No plans" },
  };
  return (
    <>
      <DataTable config={config} rows={plans} count={plans.length} />
      {editing && <PlanDialog plan={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
