"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Archive, CheckCircle2, FolderInput, FolderMinus, KeyRound, Sparkles, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { autoClusterKeywordsAction } from "@/lib/ai/actions";
import { assignKeywordsAction, deleteKeywordsAction, moveKeywordsAction, removeKeywordsFromClusterAction, updateKeywordAction, updateKeywordsStatusAction } from "@/lib/planner/actions";
import type { KeywordRow } from "@/lib/planner/keywords";
import { DataTable } from "@/components/data-table/data-table";
import { editableCell } from "@/components/data-table/editable-cell";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableBulkAction, DataTableConfig, TableCursors } from "@/components/data-table/types";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { CostEstimate } from "@/components/billing/cost-estimate";
import { Badge } from "@/components/ui/badge";
import { ClusterLocallyDialog } from "./cluster-locally-dialog";
import { AddKeywordsDialog } from "./add-keywords-dialog";
import { ClusterPickerDialog } from "./cluster-picker-dialog";
import { difficultyClass } from "./difficulty";
import { INTENT_OPTIONS, KEYWORD_STATUS_OPTIONS, keywordFilters } from "./filters";
import { ImportCsvDialog } from "./import-csv-dialog";
import { SeedKeywordsDialog } from "./seed-keywords-dialog";
import type { Workspace } from "./workspace";

type Props = {
  rows: KeywordRow[];
  count: number;
  /** The count is the server's estimate (very large lists): shown as "about 1.2M". */
  countIsEstimate?: boolean;
  /** Keyset paging: the cursors either side of this page. */
  cursors?: TableCursors;
  workspace: Workspace;
  clusters: { id: number; name: string }[];
  canWrite: boolean;
  /** The cluster the table is filtered on, if any (enables "Move to another cluster" and "Remove from cluster"). */
  filteredClusterId: number | null;
  exportHref: string;
  extraBulkActions?: DataTableBulkAction[];
  extraToolbar?: React.ReactNode;
};

const col = createDataTableColumnHelper<KeywordRow>();
type Picker = { ids: number[]; mode: "assign" | "move" } | null;

export function KeywordsTable({ rows, count, countIsEstimate, cursors, workspace, clusters, canWrite, filteredClusterId, exportHref, extraBulkActions = [], extraToolbar }: Props) {
  const router = useRouter();
  const [picker, setPicker] = useState<Picker>(null);
  const { track } = useRunTracker();
  const editable = <T,>(template: T) => (canWrite ? template : undefined);

  const config: DataTableConfig<KeywordRow> = {
    title: "Keywords",
    search: { placeholder: "Search keywords…" },
    filters: keywordFilters(clusters),
    getRowLabel: (k) => k.keyword,
    onSave: async (id, field, value) => updateKeywordAction({ id, [field]: value === "" ? null : value }),
    columns: col.columns([
      col.accessor("keyword", { header: "Keyword", meta: { sortField: "keyword", cellClassName: "w-full min-w-56 font-medium" }, cell: editable(editableCell({ type: "text" })) }),
      col.accessor("volume", { header: "Volume", meta: { sortField: "volume", align: "right", cellClassName: "min-w-28" }, cell: editable(editableCell({ type: "number" })) ?? (({ getValue }) => getValue()?.toLocaleString("en-US") ?? "—") }),
      col.accessor("difficulty", {
        header: "KD",
        meta: { sortField: "difficulty", align: "right", label: "Difficulty" },
        cell: ({ getValue }) => {
          const value = getValue();
          return value === null ? <span className="text-muted-foreground">—</span> : <span className={`inline-block min-w-8 rounded px-1.5 text-center text-xs font-medium ${difficultyClass(value)}`}>{value}</span>;
        },
      }),
      col.accessor("intent", { header: "Intent", meta: { cellClassName: "min-w-40" }, cell: editable(editableCell({ type: "select", options: INTENT_OPTIONS })) ?? (({ getValue }) => getValue() ?? "—") }),
      col.accessor("cpc", { header: "CPC", meta: { align: "right" }, cell: ({ getValue }) => (getValue() === null ? "—" : `$${getValue()!.toFixed(2)}`) }),
      col.accessor("clusters", {
        header: "Clusters",
        cell: ({ getValue }) => (
          <div className="flex max-w-64 flex-wrap gap-1">
            {getValue().length ? getValue().map((c: { id: number; name: string }) => <Badge key={c.id} variant="secondary">{c.name}</Badge>) : <span className="text-muted-foreground">—</span>}
          </div>
        ),
      }),
      col.accessor("status", { header: "Status", cell: editable(editableCell({ type: "select", options: KEYWORD_STATUS_OPTIONS })) ?? (({ getValue }) => getValue()) }),
      col.accessor("createdAt", { header: "Added", meta: { sortField: "createdAt" }, cell: ({ getValue }) => new Date(getValue()).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }) }),
    ]),
    bulkActions: canWrite
      ? [
          ...extraBulkActions,
          {
            id: "auto-cluster",
            label: "Auto-cluster (AI)",
            icon: Sparkles,
            confirm: { title: "Cluster {count} keyword(s) with AI?", description: "The AI groups them into clusters by meaning and intent.", confirmLabel: "Start", details: (ids) => <CostEstimate operation="auto_cluster" ids={ids} /> },
            run: async (ids) => {
              const result = await autoClusterKeywordsAction({ ids });
              if (result.ok) track(result.data.id, "AI clustering");
              return result;
            },
          },
          { id: "assign", label: "Add to cluster", icon: FolderInput, run: (ids) => setPicker({ ids, mode: "assign" }) },
          ...(filteredClusterId
            ? [
                { id: "move", label: "Move to another cluster", icon: FolderInput, run: (ids: number[]) => setPicker({ ids, mode: "move" }) },
                { id: "remove", label: "Remove from cluster", icon: FolderMinus, run: (ids: number[]) => removeKeywordsFromClusterAction({ clusterId: filteredClusterId, ids }) },
              ]
            : []),
          { id: "active", label: "Mark active", icon: CheckCircle2, run: (ids) => updateKeywordsStatusAction({ ids, status: "active" }) },
          { id: "archive", label: "Archive", icon: Archive, run: (ids) => updateKeywordsStatusAction({ ids, status: "archived" }) },
          {
            id: "delete",
            label: "Delete",
            icon: Trash2,
            variant: "destructive",
            confirm: { title: "Delete {count} keyword(s)?", description: "They leave their clusters and go to the trash: restore them (into their clusters) within 30 days.", confirmLabel: "Delete" },
            run: (ids) => deleteKeywordsAction({ ids }),
          },
        ]
      : undefined,
    toolbar: (
      <>
        <a href={exportHref} className="inline-flex h-9 items-center rounded-md border bg-card px-3 text-sm font-medium shadow-xs hover:bg-accent" download>
          Export CSV
        </a>
        {canWrite && (
          <>
            {extraToolbar}
            <ClusterLocallyDialog workspace={workspace} />
            <ImportCsvDialog workspace={workspace} />
            <SeedKeywordsDialog workspace={workspace} />
            <AddKeywordsDialog workspace={workspace} />
          </>
        )}
      </>
    ),
    emptyState: {
      icon: KeyRound,
      title: "No keywords yet",
      description: "Paste a list, import an export from Keyword Planner, Ahrefs, Semrush or Search Console, or start from the sector's seed keywords.",
      action: canWrite ? (
        <>
          <AddKeywordsDialog workspace={workspace} />
          <ImportCsvDialog workspace={workspace} />
          <SeedKeywordsDialog workspace={workspace} />
        </>
      ) : undefined,
    },
  };

  async function applyPicker(clusterId: number) {
    if (!picker) return;
    const result =
      picker.mode === "assign"
        ? await assignKeywordsAction({ ids: picker.ids, clusterId })
        : await moveKeywordsAction({ keywordIds: picker.ids, fromClusterId: filteredClusterId, toClusterId: clusterId });
    if (result.ok) toast.success(result.message);
    else toast.error(result.message);
    router.refresh();
  }

  return (
    <>
      <DataTable config={config} rows={rows} count={count} countIsEstimate={countIsEstimate} cursors={cursors} />
      {picker && (
        <ClusterPickerDialog
          title={picker.mode === "assign" ? `Add ${picker.ids.length} keyword(s) to a cluster` : `Move ${picker.ids.length} keyword(s)`}
          description={picker.mode === "assign" ? "They keep any clusters they are already in." : "They leave the current cluster and join the one you choose."}
          confirmLabel={picker.mode === "assign" ? "Add to cluster" : "Move"}
          clusters={clusters}
          excludeId={picker.mode === "move" ? filteredClusterId ?? undefined : undefined}
          onConfirm={applyPicker}
          onClose={() => setPicker(null)}
        />
      )}
    </>
  );
}
