"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { CircleCheck, Combine, FolderTree, Lightbulb, ListTree, RotateCcw, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { generateIdeasAction } from "@/lib/ai/actions";
import { checkClustersAction, deleteClustersAction, mergeClustersAction, updateClusterAction } from "@/lib/planner/actions";
import type { ClusterRow } from "@/lib/planner/clusters";
import { DataTable } from "@/components/data-table/data-table";
import { editableCell } from "@/components/data-table/editable-cell";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableBulkAction, DataTableConfig, TableCursors } from "@/components/data-table/types";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { CostEstimate } from "@/components/billing/cost-estimate";
import { Badge } from "@/components/ui/badge";
import { CheckBadge } from "./cluster-check";
import { ClusterPickerDialog } from "./cluster-picker-dialog";
import { clusterFilters } from "./filters";
import { NewClusterDialog } from "./new-cluster-dialog";
import type { Workspace } from "./workspace";

type Props = { rows: ClusterRow[]; count: number; countIsEstimate?: boolean; cursors?: TableCursors; workspace: Workspace; allClusters: { id: number; name: string; sectorId: number }[]; canWrite: boolean; extraBulkActions?: DataTableBulkAction[] };

const col = createDataTableColumnHelper<ClusterRow>();
function Confidence({ cluster }: { cluster: ClusterRow }) {
  if (cluster.confidence === null) return "—";
  return (
    <span className="inline-flex items-center gap-1.5">
      <CheckBadge cluster={cluster} />
      {Math.round(cluster.confidence * 100)}%
    </span>
  );
}
const SOURCE_LABEL = { manual: "Manual", local: "Local", ai: "AI" } as const;

export function ClustersTable({ rows, count, countIsEstimate, cursors, workspace, allClusters, canWrite, extraBulkActions = [] }: Props) {
  const router = useRouter();
  const [merging, setMerging] = useState<ClusterRow | null>(null);
  const { track } = useRunTracker();
  const generateIdeas = async (clusterIds: number[]) => {
    const result = await generateIdeasAction({ clusterIds });
    if (result.ok) track(result.data.id, "Idea generation");
    return result;
  };
  const config: DataTableConfig<ClusterRow> = {
    title: "Clusters",
    search: { placeholder: "Search clusters…" },
    filters: clusterFilters,
    getRowLabel: (c) => c.name,
    onSave: (id, field, value) => updateClusterAction({ id, [field]: value }),
    columns: col.columns([
      col.accessor("name", { header: "Cluster", meta: { sortField: "name", cellClassName: "min-w-56 font-medium" }, cell: canWrite ? editableCell({ type: "text" }) : undefined }),
      col.accessor("keywordsCount", {
        header: "Keywords",
        meta: { sortField: "keywordsCount", align: "right" },
        cell: ({ row, getValue }) => <Link className="text-primary underline-offset-4 hover:underline" href={`/planner/keywords?cluster_id=${row.original.id}`}>{getValue().toLocaleString("en-US")}</Link>,
      }),
      col.accessor("volume", { header: "Volume", meta: { sortField: "volume", align: "right" }, cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
      col.accessor("confidence", { header: "Confidence", sortDescFirst: false, meta: { sortField: "confidence", align: "right" }, cell: ({ row }) => <Confidence cluster={row.original} /> }),
      col.accessor("source", { header: "Source", cell: ({ getValue }) => <Badge variant="outline">{SOURCE_LABEL[getValue() as keyof typeof SOURCE_LABEL]}</Badge> }),
      col.accessor("ideasCount", { header: "Ideas", meta: { align: "right" }, cell: ({ row, getValue }) => <Link className="text-primary underline-offset-4 hover:underline" href={`/planner/ideas?cluster_id=${row.original.id}`}>{getValue()}</Link> }),
      col.accessor("status", { header: "Status", cell: ({ getValue }) => <Badge variant={getValue() === "active" ? "success" : "secondary"}>{getValue()}</Badge> }),
      col.accessor("createdAt", { header: "Created", meta: { sortField: "createdAt" }, cell: ({ getValue }) => new Date(getValue()).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" }) }),
    ]),
    rowActions: [
      { id: "keywords", label: "See keywords", icon: ListTree, run: (id) => router.push(`/planner/keywords?cluster_id=${id}`) },
      ...(canWrite ? [{ id: "ideas", label: "Generate ideas (AI)", icon: Lightbulb, run: (id: number) => generateIdeas([id]) }] : []),
      ...(canWrite
        ? [
            { id: "check", label: "Mark checked", icon: CircleCheck, hidden: (row: ClusterRow) => row.source !== "local" || row.checkedAt !== null, run: (id: number) => checkClustersAction({ ids: [id], checked: true }) },
            { id: "uncheck", label: "Check again", icon: RotateCcw, hidden: (row: ClusterRow) => row.checkedAt === null, run: (id: number) => checkClustersAction({ ids: [id], checked: false }) },
            { id: "merge", label: "Merge into…", icon: Combine, run: (_id: number, row: ClusterRow) => setMerging(row) },
            { id: "delete", label: "Delete", icon: Trash2, variant: "destructive" as const, confirm: { title: "Delete this cluster?", description: "Its keywords stay, unassigned. The cluster goes to the trash: restoring it within 30 days puts its keywords and ideas back.", confirmLabel: "Delete" }, run: (id: number) => deleteClustersAction({ ids: [id] }) },
          ]
        : []),
    ],
    bulkActions: canWrite
      ? [
          ...extraBulkActions,
          { id: "check", label: "Mark checked", icon: CircleCheck, run: (ids) => checkClustersAction({ ids, checked: true }) },
          { id: "ideas", label: "Generate ideas (AI)", icon: Lightbulb, confirm: { title: "Generate ideas for {count} cluster(s)?", description: "The AI proposes article ideas for each cluster.", confirmLabel: "Start", details: (ids) => <CostEstimate operation="generate_ideas" ids={ids} /> }, run: generateIdeas },
          { id: "delete", label: "Delete", icon: Trash2, variant: "destructive", confirm: { title: "Delete {count} cluster(s)?", description: "Their keywords stay, unassigned. The clusters go to the trash: restoring them within 30 days puts their keywords and ideas back.", confirmLabel: "Delete" }, run: (ids) => deleteClustersAction({ ids }) },
        ]
      : undefined,
    toolbar: canWrite ? <NewClusterDialog workspace={workspace} /> : undefined,
    emptyState: {
      icon: FolderTree,
      title: "No clusters yet",
      description: "Select keywords on the Keywords page and cluster them locally or with AI, or create a cluster by hand.",
      action: (
        <>
          <Link className="inline-flex h-9 items-center rounded-md border bg-card px-3 text-sm font-medium shadow-xs hover:bg-accent" href="/planner/keywords">Go to keywords</Link>
          {canWrite && <NewClusterDialog workspace={workspace} />}
        </>
      ),
    },
  };
  return (
    <>
      <DataTable config={config} rows={rows} count={count} countIsEstimate={countIsEstimate} cursors={cursors} />
      {merging && (
        <ClusterPickerDialog
          title={`Merge “${merging.name}” into…`}
          description="Its keywords and ideas move to the cluster you choose; then it is deleted. Only clusters of the same sector are listed."
          confirmLabel="Merge"
          clusters={allClusters.filter((c) => c.sectorId === merging.sectorId)}
          excludeId={merging.id}
          onConfirm={async (targetId) => {
            const result = await mergeClustersAction({ sourceId: merging.id, targetId });
            if (result.ok) toast.success(result.message);
            else toast.error(result.message);
            router.refresh();
          }}
          onClose={() => setMerging(null)}
        />
      )}
    </>
  );
}
