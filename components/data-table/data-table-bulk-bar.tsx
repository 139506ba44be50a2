"use client";

import { XIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import { Spinner } from "@/components/ui/spinner";
import { useDataTableContext } from "./data-table-context";
import type { DataTableBulkAction } from "./types";
import { formatNumber } from "./format";

/** Floating bar shown while rows are selected. */
export function DataTableBulkBar({
  selectedIds,
  actions,
  onClear,
}: {
  selectedIds: number[];
  actions: DataTableBulkAction[];
  onClear: () => void;
}) {
  const { runAction, runningKey } = useDataTableContext();
  const count = selectedIds.length;
  if (count === 0) return null;
  const busy = runningKey?.startsWith("bulk:") ?? false;
  const reasons = actions.map((action) => ({ action, reason: action.unavailable?.(selectedIds) ?? null }));

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="fixed inset-x-0 bottom-6 z-40 flex justify-center px-4 animate-in fade-in-0 slide-in-from-bottom-4"
    >
      <div className="flex max-w-full flex-col gap-1 rounded-xl border bg-popover px-3 py-2 text-popover-foreground shadow-lg">
      <div className="flex max-w-full flex-wrap items-center gap-2">
        <span className="px-1 text-sm font-medium tabular-nums" aria-live="polite">
          {formatNumber(count)} selected
        </span>
        <Button variant="ghost" size="sm" onClick={onClear} disabled={busy} className="text-muted-foreground">
          <XIcon aria-hidden="true" />
          Clear
        </Button>
        {actions.length > 0 && <Separator orientation="vertical" className="mx-1 h-5!" />}
        {reasons.map(({ action, reason }) => {
          const Icon = action.icon;
          const key = `bulk:${action.id}`;
          return (
            <Button
              key={action.id}
              size="sm"
              variant={action.variant === "destructive" ? "destructive" : "outline"}
              disabled={busy || Boolean(reason)}
              aria-describedby={reason ? `bulk-reason-${action.id}` : undefined}
              onClick={() =>
                void runAction(key, action, () => action.run(selectedIds), { count, ids: selectedIds, onSuccess: onClear })
              }
            >
              {runningKey === key ? <Spinner /> : Icon && <Icon aria-hidden="true" />}
              {action.label}
            </Button>
          );
        })}
      </div>
      {reasons.map(({ action, reason }) =>
        reason ? (
          <p key={action.id} id={`bulk-reason-${action.id}`} className="px-1 text-xs text-muted-foreground">
            {reason}
          </p>
        ) : null,
      )}
      </div>
    </div>
  );
}
