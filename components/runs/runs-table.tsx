"use client";

import Link from "next/link";
import { Ban, History, RotateCcw } from "lucide-react";
import type { RunDto } from "@/lib/runs/service";
import { cancelRunAction, retryRunAction } from "@/lib/runs/actions";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { runFilters } from "./filters";
import { formatDateTime, formatDuration, STATUS_BADGE } from "./format";
import { RUN_KIND_LABELS, RUN_STATUS_LABELS } from "./labels";

type Row = RunDto & { id: string };
// The data table keys rows by a numeric id; runs use uuids, so rows carry their index as `id`.
type TableRow = Omit<Row, "id"> & { id: number; runId: string };

const col = createDataTableColumnHelper<TableRow>();

export function RunsTable({ rows, count, canWrite }: { rows: Row[]; count: number; canWrite: boolean }) {
  const data: TableRow[] = rows.map((r, i) => ({ ...r, id: i + 1, runId: r.id }));
  const config: DataTableConfig<TableRow> = {
    title: "Runs",
    search: { placeholder: "Search messages…" },
    filters: runFilters,
    getRowLabel: (r) => `${RUN_KIND_LABELS[r.kind] ?? r.kind} ${formatDateTime(r.createdAt)}`,
    columns: col.columns([
      col.accessor("kind", {
        header: "Run",
        meta: { sortField: "kind" },
        cell: ({ row }) => (
          <Link href={`/runs/${row.original.runId}`} className="font-medium hover:underline">
            {RUN_KIND_LABELS[row.original.kind] ?? row.original.kind}
          </Link>
        ),
      }),
      col.accessor("status", {
        header: "Status",
        meta: { sortField: "status" },
        cell: ({ getValue }) => <Badge variant={STATUS_BADGE[getValue() as keyof typeof STATUS_BADGE]}>{RUN_STATUS_LABELS[getValue() as string]}</Badge>,
      }),
      col.accessor("percent", {
        header: "Progress",
        cell: ({ row }) => (
          <div className="flex w-36 items-center gap-2">
            <Progress value={row.original.percent} className="h-1.5" aria-label="Progress" />
            <span className="shrink-0 text-xs tabular-nums text-muted-foreground">
              {Math.min(row.original.done, row.original.total)}/{row.original.total}
            </span>
          </div>
        ),
      }),
      col.accessor("message", {
        header: "Message",
        cell: ({ row }) => (
          <span className="line-clamp-2 max-w-xs text-sm whitespace-normal text-muted-foreground">
            {row.original.failed > 0 && <span className="font-medium text-foreground">{row.original.failed} failed · </span>}
            {row.original.message}
          </span>
        ),
      }),
      col.accessor("credits", { header: "Credits", meta: { sortField: "credits", align: "right" } }),
      col.accessor("startedBy", { header: "Started by", cell: ({ getValue }) => getValue()?.name || getValue()?.email || "Automation" }),
      col.accessor("createdAt", {
        header: "Started",
        meta: { sortField: "createdAt" },
        cell: ({ row }) => (
          <div className="whitespace-nowrap">
            <div>{formatDateTime(row.original.createdAt)}</div>
            <div className="text-xs text-muted-foreground">{formatDuration(row.original.durationMs)}</div>
          </div>
        ),
      }),
    ]),
    rowActions: canWrite
      ? [
          {
            id: "cancel",
            label: "Cancel run",
            icon: Ban,
            variant: "destructive",
            hidden: (r) => r.status !== "pending" && r.status !== "running",
            confirm: { title: "Cancel this run?", description: "No new item starts; work already done is kept (and stays charged); nothing else is charged.", confirmLabel: "Cancel run" },
            run: (_id, r) => cancelRunAction({ id: r.runId }),
          },
          {
            id: "retry",
            label: "Retry failed items",
            icon: RotateCcw,
            hidden: (r) => !(r.status === "completed_with_errors" || ((r.status === "failed" || r.status === "cancelled") && r.done < r.total) || (r.status === "failed" && r.failed > 0)),
            confirm: { title: "Retry the failed items?", description: "Only the items that failed (or were not reached) run again, charged as usual when they succeed. Items that already succeeded are kept and not charged again.", confirmLabel: "Retry failed items" },
            run: (_id, r) => retryRunAction({ id: r.runId }),
          },
        ]
      : undefined,
    emptyState: {
      icon: History,
      title: "No runs yet",
      description: "Runs appear here when you start AI clustering or idea generation in the Planner, or article and image generation in the Writer.",
      action: (
        <Link href="/planner/keywords" className="text-sm font-medium text-primary hover:underline">
          Go to keywords →
        </Link>
      ),
    },
  };
  return <DataTable config={config} rows={data} count={count} />;
}
