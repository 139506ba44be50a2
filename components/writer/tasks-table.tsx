"use client";

import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ClipboardList, FilePenLine, ImageIcon, ImagePlus, ListChecks, Pencil, PenLine, Plus, Sparkles, Trash2 } from "lucide-react";
import { generateContentAction, generateImagePromptsAction, generateImagesAction } from "@/lib/ai/actions";
import { deleteTasksAction, updateTasksStatusAction, writeManuallyAction } from "@/lib/writer/actions";
import { TASK_STATUSES } from "@/lib/writer/constants";
import type { TaskDto } from "@/lib/writer/service";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableBulkAction, DataTableConfig, DataTableFilter, TableCursors } from "@/components/data-table/types";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { CostEstimate } from "@/components/billing/cost-estimate";
import { Button } from "@/components/ui/button";
import { BulkStatusDialog } from "./bulk-status-dialog";
import type { ClusterOption } from "./filters";
import { CONTENT_STRUCTURE_LABELS, CONTENT_TYPE_LABELS, formatDate, formatNumber, labelFor, TASK_STATUS_LABELS } from "./labels";
import { TaskStatusBadge } from "./status-badge";
import { TaskFormDialog, type TaskFormPlacement } from "./task-form-dialog";

type Props = {
  rows: TaskDto[];
  count: number;
  countIsEstimate?: boolean;
  /** Keyset paging: the cursors either side of this page. */
  cursors?: TableCursors;
  filters: readonly DataTableFilter[];
  clusters: ClusterOption[];
  placement: TaskFormPlacement;
  canWrite: boolean;
  /** Extra bulk actions placed before the built-in ones: "Generate content" / "Generate images" (AI engine). */
  extraBulkActions?: DataTableBulkAction[];
  /** Extra toolbar content, e.g. a run-progress indicator. */
  toolbarExtra?: ReactNode;
  /** Planned images not drawn yet, per task id ("Generate images" needs some). */
  imagesWaiting?: Record<number, number>;
};

const col = createDataTableColumnHelper<TaskDto>();

export function TasksTable({ rows, count, countIsEstimate, cursors, filters, clusters, placement, canWrite, extraBulkActions = [], toolbarExtra, imagesWaiting }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<TaskDto | null>(null);
  const [creating, setCreating] = useState(false);
  const [statusIds, setStatusIds] = useState<number[] | null>(null);
  const { track } = useRunTracker();
  // AI runs on the selected tasks (credits apply); progress shows in the corner and on Runs.
  const aiActions: DataTableBulkAction[] = [
    { action: generateContentAction, id: "generate-content", label: "Generate content", icon: Sparkles, run: "Article writing", what: "write an article for", operation: "generate_content" as const },
    { action: generateImagePromptsAction, id: "plan-images", label: "Plan images", icon: ImageIcon, run: "Image planning", what: "plan images (prompts and alt text) for", operation: "generate_image_prompts" as const },
    { action: generateImagesAction, id: "generate-images", label: "Generate images", icon: ImagePlus, run: "Image generation", what: "generate the planned images of", operation: "generate_images" as const },
  ].map(({ action, run, what, operation, ...rest }) => ({
    ...rest,
    unavailable:
      rest.id === "generate-images" && imagesWaiting
        ? (ids: number[]) => (ids.some((id) => imagesWaiting[id]) ? null : "Generate images draws the images that “Plan images” planned: plan images for these tasks first.")
        : undefined,
    confirm: { title: `${rest.label} for {count} task(s)?`, description: `The AI will ${what} each selected task.`, confirmLabel: "Start", details: (ids: number[]) => <CostEstimate operation={operation} ids={ids} /> },
    run: async (taskIds: number[]) => {
      const result = await action({ taskIds });
      if (result.ok) track(result.data.id, run);
      return result;
    },
  }));

  const openArticle = async (task: TaskDto) => {
    if (task.content) return router.push(`/writer/content/${task.content.id}`);
    const result = await writeManuallyAction({ taskId: task.id });
    if (!result.ok) return result;
    router.push(`/writer/content/${result.data.id}`);
  };

  const newTask = !canWrite ? undefined : placement.sectors.length ? (
    <Button size="sm" onClick={() => setCreating(true)}><Plus /> New task</Button>
  ) : (
    <Button size="sm" variant="outline" asChild><Link href={`/manage/sites/${placement.siteId}/settings?tab=sectors`}>Choose sectors first</Link></Button>
  );

  const config: DataTableConfig<TaskDto> = {
    title: "Tasks",
    search: { placeholder: "Search titles and keywords…" },
    filters,
    getRowLabel: (t) => t.title,
    columns: col.columns([
      col.accessor("title", {
        header: "Task",
        meta: { sortField: "title" },
        cell: ({ row }) => (
          <div className="min-w-56 max-w-md">
            {row.original.content ? (
              <Link href={`/writer/content/${row.original.content.id}`} className="font-medium hover:underline">{row.original.title}</Link>
            ) : (
              <span className="font-medium">{row.original.title}</span>
            )}
            {row.original.keywords && <div className="truncate text-xs text-muted-foreground">{row.original.keywords}</div>}
            {row.original.status === "failed" && row.original.error && <div className="text-xs text-destructive">{row.original.error}</div>}
          </div>
        ),
      }),
      col.accessor("cluster", { header: "Cluster", cell: ({ getValue }) => getValue()?.name ?? <span className="text-muted-foreground">—</span> }),
      col.accessor("contentType", {
        header: "Type",
        cell: ({ row }) => (
          <div className="text-sm">
            {labelFor(CONTENT_TYPE_LABELS, row.original.contentType)}
            <div className="text-xs text-muted-foreground">{labelFor(CONTENT_STRUCTURE_LABELS, row.original.contentStructure)}</div>
          </div>
        ),
      }),
      col.accessor("status", { header: "Status", meta: { sortField: "status" }, cell: ({ getValue }) => <TaskStatusBadge status={getValue()} /> }),
      col.display({
        id: "words",
        header: "Words",
        meta: { sortField: "wordCount", align: "right", label: "Words" },
        cell: ({ row }) => (
          <span className="tabular-nums">
            {row.original.content ? formatNumber(row.original.content.wordCount) : "—"}
            <span className="text-muted-foreground"> / {formatNumber(row.original.targetWordCount)}</span>
          </span>
        ),
      }),
      col.accessor("createdAt", { header: "Created", meta: { sortField: "createdAt" }, cell: ({ getValue }) => formatDate(getValue()) }),
    ]),
    bulkActions: canWrite
      ? [
          ...aiActions,
          ...extraBulkActions,
          { id: "status", label: "Set status…", icon: ListChecks, run: (ids) => setStatusIds(ids) },
          {
            id: "delete",
            label: "Delete",
            icon: Trash2,
            variant: "destructive",
            confirm: { title: "Delete {count} task(s)?", description: "Their articles stay in Drafts; their ideas can be queued again. Restore the tasks from the trash within 30 days.", confirmLabel: "Delete" },
            run: (ids) => deleteTasksAction({ ids }),
          },
        ]
      : undefined,
    rowActions: [
      { id: "open", label: "Open article", icon: FilePenLine, hidden: (t) => !t.content, run: (_id, t) => void openArticle(t) },
      { id: "write", label: "Write manually", icon: PenLine, hidden: (t) => Boolean(t.content) || !canWrite, run: (_id, t) => openArticle(t) },
      ...(canWrite
        ? [
            { id: "edit", label: "Edit task", icon: Pencil, run: (_id: number, t: TaskDto) => setEditing(t) },
            {
              id: "delete",
              label: "Delete",
              icon: Trash2,
              variant: "destructive" as const,
              confirm: { title: "Delete this task?", description: "Its article stays in Drafts. Restore the task from the trash within 30 days.", confirmLabel: "Delete" },
              run: (id: number) => deleteTasksAction({ ids: [id] }),
            },
          ]
        : []),
    ],
    toolbar: (
      <>
        {toolbarExtra}
        {newTask}
      </>
    ),
    emptyState: {
      icon: ClipboardList,
      title: "No tasks yet",
      description: "Queue ideas from Planner → Ideas, or create a task for an article you want to write.",
      action: (
        <>
          <Button variant="outline" asChild><Link href="/planner/ideas">Go to ideas</Link></Button>
          {newTask}
        </>
      ),
    },
  };

  return (
    <>
      <DataTable config={config} rows={rows} count={count} countIsEstimate={countIsEstimate} cursors={cursors} />
      {creating && <TaskFormDialog open onOpenChange={setCreating} placement={placement} clusters={clusters} />}
      {editing && <TaskFormDialog open task={editing} onOpenChange={(open) => !open && setEditing(null)} placement={placement} clusters={clusters} />}
      {statusIds && (
        <BulkStatusDialog
          ids={statusIds}
          noun="task"
          options={TASK_STATUSES.map((value) => ({ value, label: TASK_STATUS_LABELS[value] }))}
          onClose={() => setStatusIds(null)}
          run={updateTasksStatusAction}
        />
      )}
    </>
  );
}
