"use client";

import { useState, type ReactNode } from "react";
import type { CellContext } from "@tanstack/react-table";
import { toast } from "sonner";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";
import { useOptionalDataTableContext } from "./data-table-context";
import type { DataTableFeatures } from "./features";
import type { EditableCellSave, FilterOption } from "./types";
import { formatNumber } from "./format";

type EditableValue = string | number | null;

export type EditableCellProps = {
  rowId: number;
  /** Field name passed to onSave. */
  field: string;
  value: EditableValue;
  type?: "text" | "number" | "select";
  /** Required for type "select". */
  options?: readonly FilterOption[];
  /** Accessible name, e.g. "Volume". Defaults to the field name. */
  label?: string;
  placeholder?: string;
  align?: "left" | "right";
  /** Defaults to the DataTable config's onSave. */
  onSave?: EditableCellSave;
};

const toText = (value: EditableValue) => (value === null || value === undefined ? "" : String(value));

/**
 * Inline-editable cell: looks like text, becomes an input on hover/focus. Saves on blur or Enter
 * (Escape cancels), shows a spinner while saving, reverts and toasts when the save fails.
 */
export function EditableCell({
  rowId,
  field,
  value,
  type = "text",
  options = [],
  label,
  placeholder = "—",
  align = type === "number" ? "right" : "left",
  onSave,
}: EditableCellProps) {
  const context = useOptionalDataTableContext();
  const save = onSave ?? context?.onSave;
  const [draft, setDraft] = useState(toText(value));
  const [saving, setSaving] = useState(false);
  const [focused, setFocused] = useState(false);
  // Follow the server value after a refresh, unless the user is mid-save.
  const [synced, setSynced] = useState(value);
  if (synced !== value && !saving) {
    setSynced(value);
    setDraft(toText(value));
  }

  const name = label ?? field;

  async function commit(nextText: string) {
    const trimmed = nextText.trim();
    if (trimmed === toText(value)) {
      setDraft(toText(value));
      return;
    }
    let next: EditableValue = trimmed === "" ? null : trimmed;
    if (type === "number" && next !== null) {
      const parsed = Number(trimmed.replace(/[,\s]/g, ""));
      if (!Number.isFinite(parsed)) {
        toast.error(`${name}: “${trimmed}” is not a number`);
        setDraft(toText(value));
        return;
      }
      next = parsed;
    }
    if (!save) {
      toast.error("This table has no onSave configured");
      setDraft(toText(value));
      return;
    }
    setDraft(toText(next));
    setSaving(true);
    try {
      const result = await save(rowId, field, next);
      if (!result.ok) throw new Error(result.message ?? `Could not save ${name}`);
      if (result.message) toast.success(result.message);
      context?.refresh();
    } catch (error) {
      setDraft(toText(value));
      toast.error(error instanceof Error && error.message ? error.message : `Could not save ${name}`);
    } finally {
      setSaving(false);
    }
  }

  let control: ReactNode;
  if (type === "select") {
    control = (
      <Select value={draft || undefined} onValueChange={(next) => void commit(next)} disabled={saving}>
        <SelectTrigger
          size="sm"
          aria-label={name}
          className="-ml-2 h-7 w-full min-w-28 border-transparent bg-transparent px-2 shadow-none hover:border-input data-[state=open]:border-input dark:bg-transparent [&>svg]:opacity-0 hover:[&>svg]:opacity-50 focus-visible:[&>svg]:opacity-50 data-[state=open]:[&>svg]:opacity-50"
        >
          <SelectValue placeholder={placeholder}>
            {options.find((option) => option.value === draft)?.label ?? draft}
          </SelectValue>
        </SelectTrigger>
        <SelectContent>
          {options.map((option) => (
            <SelectItem key={option.value} value={option.value}>
              {option.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    );
  } else {
    // Numbers read as "12,345" at rest and edit as "12345".
    const asNumber = type === "number" && !focused && draft.trim() !== "" ? Number(draft) : NaN;
    const display = Number.isFinite(asNumber) ? formatNumber(asNumber) : draft;
    control = (
      <input
        type="text"
        inputMode={type === "number" ? "decimal" : undefined}
        aria-label={name}
        value={display}
        placeholder={placeholder}
        disabled={saving}
        onChange={(event) => setDraft(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={(event) => {
          setFocused(false);
          void commit(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            event.currentTarget.blur();
          } else if (event.key === "Escape") {
            setDraft(toText(value));
            // blur after the revert renders, so commit() sees the original value
            const input = event.currentTarget;
            requestAnimationFrame(() => input.blur());
          }
        }}
        className={cn(
          "h-7 w-full min-w-16 rounded-md border border-transparent bg-transparent px-2 text-sm transition-[color,box-shadow,border-color] outline-none placeholder:text-muted-foreground/60",
          "-mx-2 hover:border-input focus-visible:border-ring focus-visible:bg-card focus-visible:ring-[3px] focus-visible:ring-ring/50",
          "disabled:opacity-70",
          align === "right" && "text-right tabular-nums",
        )}
      />
    );
  }

  return (
    <div className="relative flex w-full items-center" aria-busy={saving || undefined}>
      {control}
      {saving && (
        <Spinner
          label={`Saving ${name}`}
          className={cn("absolute size-3.5 text-muted-foreground", align === "right" ? "-left-4" : "right-1")}
        />
      )}
    </div>
  );
}

/**
 * Column `cell` template for inline editing; the field defaults to the column id.
 * @example col.accessor("volume", { header: "Volume", cell: editableCell({ type: "number" }) })
 */
export function editableCell<Row extends { id: number }>(
  options: Omit<EditableCellProps, "rowId" | "value" | "field"> & { field?: string } = {},
) {
  function EditableCellTemplate(ctx: CellContext<DataTableFeatures, Row, unknown>) {
    const meta = ctx.column.columnDef.meta;
    return (
      <EditableCell
        {...options}
        label={options.label ?? meta?.label ?? (typeof ctx.column.columnDef.header === "string" ? ctx.column.columnDef.header : undefined)}
        rowId={ctx.row.original.id}
        field={options.field ?? ctx.column.id}
        value={ctx.getValue() as EditableValue}
      />
    );
  }
  return EditableCellTemplate;
}
