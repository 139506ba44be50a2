"use client";

import Link from "next/link";
import { Download, Receipt } from "lucide-react";
import type { TransactionRow } from "@/lib/billing/transactions";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { formatDateTime } from "@/components/runs/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { transactionFilters } from "./filters";
import { formatCredits, signedCredits, TRANSACTION_TYPE_BADGE, TRANSACTION_TYPE_LABELS } from "./labels";

const col = createDataTableColumnHelper<TransactionRow>();

const columns = col.columns([
  col.accessor("createdAt", { header: "When", meta: { sortField: "createdAt" }, cell: ({ getValue }) => <span className="whitespace-nowrap">{formatDateTime(getValue())}</span> }),
  col.accessor("type", { header: "Type", meta: { sortField: "type" }, cell: ({ getValue }) => <Badge variant={TRANSACTION_TYPE_BADGE[getValue()]}>{TRANSACTION_TYPE_LABELS[getValue()]}</Badge> }),
  col.accessor("description", {
    header: "Description",
    cell: ({ row }) =>
      row.original.runId ? (
        <Link href={`/runs/${row.original.runId}`} className="hover:underline">
          {row.original.description}
        </Link>
      ) : (
        <span className="whitespace-normal">{row.original.description}</span>
      ),
  }),
  col.accessor("amount", {
    header: "Amount",
    meta: { sortField: "amount", align: "right" },
    cell: ({ getValue }) => <span className={getValue() > 0 ? "font-medium text-success tabular-nums" : "tabular-nums"}>{signedCredits(getValue())}</span>,
  }),
  col.accessor("balanceAfter", { header: "Balance after", meta: { align: "right", label: "Balance after" }, cell: ({ getValue }) => <span className="tabular-nums">{formatCredits(getValue())}</span> }),
]);

export function TransactionsTable({ rows, count, exportHref }: { rows: TransactionRow[]; count: number; exportHref: string }) {
  const config: DataTableConfig<TransactionRow> = {
    title: "Transactions",
    search: { placeholder: "Search descriptions…" },
    filters: transactionFilters,
    columns,
    getRowLabel: (r) => `${TRANSACTION_TYPE_LABELS[r.type]} ${formatDateTime(r.createdAt)}`,
    toolbar: (
      <Button variant="outline" size="sm" asChild>
        <a href={exportHref} download>
          <Download className="size-4" /> Export CSV
        </a>
      </Button>
    ),
    emptyState: { icon: Receipt, title: "No transactions yet", description: "Grants, purchases and the credits your AI work uses will be listed here." },
    noResults: { title: "No transactions match", description: "Try another type or a wider date range." },
  };
  return <DataTable config={config} rows={rows} count={count} />;
}
