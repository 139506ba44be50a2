"use client";

import { Fragment } from "react";
import { MoreHorizontalIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { useDataTableContext } from "./data-table-context";
import type { DataTableRowAction } from "./types";

export function DataTableRowActions<Row extends { id: number }>({
  row,
  actions,
  rowLabel,
}: {
  row: Row;
  actions: DataTableRowAction<Row>[];
  /** Used in the trigger's aria-label ("Actions for row 12"). */
  rowLabel?: string;
}) {
  const { runAction, runningKey } = useDataTableContext();
  const visible = actions.filter((action) => !action.hidden?.(row));
  if (!visible.length) return null;

  const keyPrefix = `row:${row.id}:`;
  const running = runningKey?.startsWith(keyPrefix) ?? false;
  const firstDestructive = visible.findIndex((action) => action.variant === "destructive");

  return (
    // Non-modal so a confirm dialog can open right after the menu closes.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="size-8 text-muted-foreground data-[state=open]:bg-accent"
          aria-label={`Actions for ${rowLabel ?? `row ${row.id}`}`}
          disabled={running}
        >
          {running ? <Spinner /> : <MoreHorizontalIcon />}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-40">
        {visible.map((action, index) => {
          const Icon = action.icon;
          return (
            <Fragment key={action.id}>
              {index === firstDestructive && index > 0 && <DropdownMenuSeparator />}
              <DropdownMenuItem
                variant={action.variant === "destructive" ? "destructive" : "default"}
                onSelect={() => void runAction(keyPrefix + action.id, action, () => action.run(row.id, row), { ids: [row.id] })}
              >
                {Icon && <Icon aria-hidden="true" />}
                {action.label}
              </DropdownMenuItem>
            </Fragment>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
