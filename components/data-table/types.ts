// Types for the config-driven DataTable. Type-only module: safe to import anywhere.
import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import type { ColumnDef } from "@tanstack/react-table";

import type { DataTableFeatures } from "./features";

// ---------------------------------------------------------------------------
// Filters: plain data, shared by the server page (parseTableSearchParams) and the client table.
// ---------------------------------------------------------------------------

export type FilterOption = { value: string; label: string };

type FilterBase = {
  /** Key in the parsed `filters` object, and the default URL param name. */
  id: string;
  /** Visible name of the filter ("Intent", "Volume"). */
  label: string;
};

/** One value from a fixed list; URL: `?{param}=value`. */
export type SelectFilter = FilterBase & {
  type: "select";
  options: readonly FilterOption[];
  /** URL param, defaults to `id`. */
  param?: string;
};

/** Several values from a fixed list; URL: `?{param}=a,b` (repeated params are accepted too). */
export type MultiSelectFilter = FilterBase & {
  type: "multi-select";
  options: readonly FilterOption[];
  param?: string;
};

/** Numeric min/max; URL: `?{id}_min=10&{id}_max=500` unless minParam/maxParam are given. */
export type NumberRangeFilter = FilterBase & {
  type: "number-range";
  minParam?: string;
  maxParam?: string;
  /** Input hints only (server-side validation is the service's job). */
  min?: number;
  max?: number;
  step?: number;
};

/** Free text contains-style filter; URL: `?{param}=text`. */
export type TextFilter = FilterBase & {
  type: "text";
  param?: string;
  placeholder?: string;
};

/** Calendar dates (YYYY-MM-DD, inclusive); URL: `?{id}_from=2026-01-01&{id}_to=2026-01-31` unless fromParam/toParam are given. */
export type DateRangeFilter = FilterBase & {
  type: "date-range";
  fromParam?: string;
  toParam?: string;
};

export type DataTableFilter = SelectFilter | MultiSelectFilter | NumberRangeFilter | TextFilter | DateRangeFilter;

export type NumberRange = { min?: number; max?: number };
export type DateRange = { from?: string; to?: string };

export type FilterValue<F extends DataTableFilter> = F extends { type: "select" }
  ? string
  : F extends { type: "multi-select" }
    ? string[]
    : F extends { type: "number-range" }
      ? NumberRange
      : F extends { type: "date-range" }
        ? DateRange
        : string;

/** Active filter values keyed by filter id (inactive filters are absent). */
export type FilterValues<F extends readonly DataTableFilter[] = readonly DataTableFilter[]> = {
  [K in F[number] as K["id"]]?: FilterValue<K>;
};

// ---------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------

/** Per-column `meta` understood by DataTable. */
export type DataTableColumnMeta = {
  /** Server ordering field (`ordering=field` / `-field`). Setting it makes the header sortable. */
  sortField?: string;
  align?: "left" | "center" | "right";
  headerClassName?: string;
  cellClassName?: string;
  /** Plain-text column name, used for aria labels when `header` is not a string. */
  label?: string;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of one table hold different value types
export type DataTableColumnDef<Row extends { id: number }> = ColumnDef<DataTableFeatures, Row, any>;

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

export type ActionResult = { ok: boolean; message?: string };

export type ActionConfirm = {
  /** `{count}` is replaced with the number of selected rows. */
  title: string;
  description?: string;
  confirmLabel?: string;
  /** More content under the description, given the selected ids (e.g. the estimated credits). */
  details?: (selectedIds: number[]) => ReactNode;
};

type ActionBase = {
  id: string;
  label: string;
  icon?: LucideIcon;
  variant?: "default" | "destructive";
  /** Ask before running (use for destructive or expensive actions). */
  confirm?: ActionConfirm;
};

/** Runs on the selected rows of the current page. Returning `void` counts as success without a message. */
export type DataTableBulkAction = ActionBase & {
  run: (selectedIds: number[]) => Promise<ActionResult | void> | ActionResult | void;
  /** Why the action cannot run on this selection (the button is disabled and the reason shown), or null. */
  unavailable?: (selectedIds: number[]) => string | null;
};

export type DataTableRowAction<Row extends { id: number }> = ActionBase & {
  run: (rowId: number, row: Row) => Promise<ActionResult | void> | ActionResult | void;
  /** Hide the action for some rows (e.g. "Publish" on already published content). */
  hidden?: (row: Row) => boolean;
};

/** Inline-edit persistence, called by EditableCell on blur/Enter/select. */
export type EditableCellSave = (
  rowId: number,
  field: string,
  value: string | number | null,
) => Promise<ActionResult> | ActionResult;

// ---------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------

export type DataTableConfig<Row extends { id: number }> = {
  /** Accessible name of the table and noun used in messages ("Keywords"). */
  title: string;
  /** TanStack v9 column defs built with `createDataTableColumnHelper<Row>()`. */
  columns: DataTableColumnDef<Row>[];
  /** Same array the server page passes to parseTableSearchParams. */
  filters?: readonly DataTableFilter[];
  /** Search box bound to `?search=`; `false` hides it. */
  search?: false | { placeholder?: string };
  /** Allowed page sizes, default [10, 25, 50, 100, 200]; must match the server's parse options. */
  pageSizes?: readonly number[];
  /** Default 25; must match the server's parse options. */
  defaultPageSize?: number;
  /** Show row checkboxes. Defaults to true when bulkActions are given. */
  selectable?: boolean;
  bulkActions?: DataTableBulkAction[];
  rowActions?: DataTableRowAction<Row>[];
  /** Persistence for EditableCell columns. */
  onSave?: EditableCellSave;
  /** Page-specific buttons rendered at the right of the toolbar ("Add keywords", "Import CSV"). */
  toolbar?: ReactNode;
  /** Shown when there are no rows at all (no search/filters active). */
  emptyState: {
    icon?: LucideIcon;
    title: string;
    description?: ReactNode;
    action?: ReactNode;
  };
  /** Shown when search/filters match nothing; has sensible defaults. */
  noResults?: { title?: string; description?: string };
  rowClassName?: (row: Row) => string | undefined;
  /** Human name of a row for aria labels ("Select seo tools", "Actions for seo tools"); default "row {id}". */
  getRowLabel?: (row: Row) => string;
};

export type DataTableProps<Row extends { id: number }> = {
  config: DataTableConfig<Row>;
  /** The current page of rows, already searched/filtered/sorted/paginated by the server. */
  rows: Row[];
  /** Total number of rows matching the current search/filters (all pages). */
  count: number;
  /** The server estimated `count` (large lists): shown as "about 1.2M". */
  countIsEstimate?: boolean;
  /**
   * Keyset lists: the server's cursors either side of this page (null at either end). Next and
   * Previous then page by cursor at any depth (never OFFSET); First goes to page 1, and Last (by
   * number) only while the count is exact.
   */
  cursors?: TableCursors;
};

export type TableCursors = { next: string | null; previous: string | null };
