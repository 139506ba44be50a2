"use client";

import { Users } from "lucide-react";
import type { listAllUsers } from "@/lib/admin/accounts";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { userFilters } from "./filters";

type Row = Awaited<ReturnType<typeof listAllUsers>>["results"][number];
const col = createDataTableColumnHelper<Row>();
const date = (d: Date | string | null) => (d ? new Date(d).toLocaleDateString("en-US", { timeZone: "UTC" }) : "Never");

export function UsersTable({ rows, count }: { rows: Row[]; count: number }) {
  const config: DataTableConfig<Row> = {
    title: "Users",
    search: { placeholder: "Search email or name…" },
    filters: userFilters,
    columns: col.columns([
      col.accessor("email", { header: "User", meta: { sortField: "email" }, cell: ({ row }) => <div><div className="font-medium">{row.original.email}</div><div className="text-xs text-muted-foreground">{row.original.name}</div></div> }),
      col.accessor("role", { header: "Role", meta: { sortField: "role" }, cell: ({ getValue }) => <Badge variant="secondary">{getValue()}</Badge> }),
      col.accessor("account", { header: "Account", cell: ({ getValue }) => `${getValue().name} (${getValue().status})` }),
      col.accessor("lastLoginAt", { header: "Last sign-in", meta: { sortField: "lastLoginAt" }, cell: ({ getValue }) => date(getValue()) }),
      col.accessor("createdAt", { header: "Joined", meta: { sortField: "createdAt" }, cell: ({ getValue }) => date(getValue()) }),
    ]),
    emptyState: { icon: Users, title: "No users match" },
  };
  return <DataTable config={config} rows={rows} count={count} />;
}
