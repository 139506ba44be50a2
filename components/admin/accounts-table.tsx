"use client";

import { useState } from "react";
import { Ban, CircleCheck, Coins, CreditCard, XCircle, Building2 } from "lucide-react";
import { assignPlanAction, setAccountStatusAction } from "@/lib/admin/actions";
import type { AdminAccountRow } from "@/lib/admin/accounts";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { accountFilters } from "./filters";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { AdjustCreditsDialog } from "./adjust-credits-dialog";
import { AssignPlanDialog } from "./assign-plan-dialog";

const col = createDataTableColumnHelper<AdminAccountRow>();
const STATUS_VARIANT = { active: "success", trial: "default", suspended: "warning", cancelled: "destructive" } as const;

export function AccountsTable({ rows, count, plans }: { rows: AdminAccountRow[]; count: number; plans: { id: number; name: string }[] }) {
  const [assigning, setAssigning] = useState<AdminAccountRow | null>(null);
  const [adjusting, setAdjusting] = useState<AdminAccountRow | null>(null);
  const config: DataTableConfig<AdminAccountRow> = {
    title: "Accounts",
    search: { placeholder: "Search name, slug or member email…" },
    filters: accountFilters,
    getRowLabel: (a) => a.name,
    columns: col.columns([
      col.accessor("name", { header: "Account", meta: { sortField: "name" }, cell: ({ row }) => <div><div className="font-medium">{row.original.name}{row.original.isSystem && <Badge variant="outline" className="ml-2">system</Badge>}</div><div className="text-xs text-muted-foreground">{row.original.ownerEmail ?? row.original.slug}</div></div> }),
      col.accessor("plan", { header: "Plan", cell: ({ getValue }) => getValue().name }),
      col.accessor("status", { header: "Status", meta: { sortField: "status" }, cell: ({ getValue }) => <Badge variant={STATUS_VARIANT[getValue() as keyof typeof STATUS_VARIANT]}>{getValue()}</Badge> }),
      col.accessor("credits", { header: "Credits", meta: { sortField: "credits", align: "right" }, cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
      col.accessor("month", {
        header: "This month",
        meta: { align: "right", label: "Usage this month" },
        cell: ({ getValue }) => (
          <div className="tabular-nums">
            <div>{getValue().creditsSpent.toLocaleString("en-US")} credits</div>
            <div className="text-xs text-muted-foreground">
              {getValue().aiRequests.toLocaleString("en-US")} AI calls · ${getValue().costUsd.toFixed(2)}
            </div>
          </div>
        ),
      }),
      col.accessor("users", { header: "Users", meta: { align: "right" } }),
      col.accessor("sites", { header: "Sites", meta: { align: "right" } }),
      col.accessor("keywords", { header: "Keywords", meta: { align: "right" }, cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
      col.accessor("createdAt", { header: "Created", meta: { sortField: "createdAt" }, cell: ({ getValue }) => new Date(getValue()).toLocaleDateString("en-US", { timeZone: "UTC" }) }),
    ]),
    rowActions: [
      { id: "suspend", label: "Suspend", icon: Ban, hidden: (a) => a.status === "suspended" || a.isSystem, confirm: { title: "Suspend this account?", description: "Its users are locked out on their next request.", confirmLabel: "Suspend" }, run: (id) => setAccountStatusAction({ id, status: "suspended" }) },
      { id: "reactivate", label: "Reactivate", icon: CircleCheck, hidden: (a) => a.status === "active", run: (id) => setAccountStatusAction({ id, status: "active" }) },
      { id: "cancel", label: "Cancel", icon: XCircle, variant: "destructive", hidden: (a) => a.status === "cancelled" || a.isSystem, confirm: { title: "Cancel this account?", description: "Its users can no longer sign in. Data is kept.", confirmLabel: "Cancel account" }, run: (id) => setAccountStatusAction({ id, status: "cancelled" }) },
      { id: "plan", label: "Assign plan…", icon: CreditCard, run: (_id, row) => setAssigning(row) },
      { id: "credits", label: "Adjust credits…", icon: Coins, run: (_id, row) => setAdjusting(row) },
    ],
    emptyState: { icon: Building2, title: "No accounts match", description: "Accounts appear here when people sign up." },
  };
  return (
    <>
      <DataTable config={config} rows={rows} count={count} />
      {assigning && <AssignPlanDialog account={assigning} plans={plans} onAssign={(planId, grantCredits) => assignPlanAction({ id: assigning.id, planId, grantCredits })} onClose={() => setAssigning(null)} />}
      {adjusting && <AdjustCreditsDialog account={adjusting} onClose={() => setAdjusting(null)} />}
    </>
  );
}
