"use client";

import { useMemo, useState, type ReactNode } from "react";
import {
  functionalUpdate,
  useTable,
  type Header,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, SearchXIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";
import { DataTableBulkBar } from "./data-table-bulk-bar";
import { DataTableProvider } from "./data-table-context";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableRowActions } from "./data-table-row-actions";
import { DataTableToolbar } from "./data-table-toolbar";
import { createDataTableColumnHelper, dataTableFeatures, type DataTableFeatures } from "./features";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./parse-search-params";
import type { DataTableColumnDef, DataTableColumnMeta, DataTableProps } from "./types";
import { useTableUrlState } from "./use-table-url-state";
import { formatTotal } from "./format";

const NO_SELECTION: RowSelectionState = {};
const isShiftClick = (event: unknown) => Boolean((event as { shiftKey?: boolean } | null)?.shiftKey);

/** Column id as TanStack resolves it (id, else accessorKey with dots → "_", else string header). */
function columnId<Row extends { id: number }>(def: DataTableColumnDef<Row>): string | undefined {
  if (def.id) return def.id;
  if ("accessorKey" in def && def.accessorKey !== undefined) return String(def.accessorKey).replaceAll(".", "_");
  return typeof def.header === "string" ? def.header : undefined;
}

function toSortingState(sortFieldById: Map<string, string>, field: string | undefined, desc: boolean): SortingState {
  const match = [...sortFieldById].find(([, sortField]) => sortField === field);
  return match ? [{ id: match[0], desc }] : [];
}

const alignClass = (align: DataTableColumnMeta["align"]) =>
  align === "right" ? "text-right" : align === "center" ? "text-center" : undefined;

/**
 * The list-page table: server-side search/filter/sort/pagination driven by URL params,
 * row selection with bulk actions, per-row actions, inline editing and empty states.
 * See components/data-table/README.md.
 */
export function DataTable<Row extends { id: number }>({ config, rows, count, countIsEstimate, cursors }: DataTableProps<Row>) {
  const pageSizes = config.pageSizes ?? PAGE_SIZES;
  const defaultPageSize = config.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const filters = config.filters ?? [];
  const selectable = config.selectable ?? Boolean(config.bulkActions?.length);

  const url = useTableUrlState({ filters: config.filters, pageSizes, defaultPageSize });
  const { state } = url;

  // Selection belongs to the rows on screen: it resets whenever the URL (page, filters…) changes.
  const selectionKey = `${state.page}|${state.cursor}|${state.pageSize}|${state.ordering}|${state.search}|${JSON.stringify(state.filters)}`;
  const [selection, setSelection] = useState({ key: selectionKey, value: NO_SELECTION });
  const rowSelection = selection.key === selectionKey ? selection.value : NO_SELECTION;
  const onRowSelectionChange = (updater: Updater<RowSelectionState>) =>
    setSelection((prev) => ({
      key: selectionKey,
      value: functionalUpdate(updater, prev.key === selectionKey ? prev.value : NO_SELECTION),
    }));
  const clearSelection = () => setSelection({ key: selectionKey, value: NO_SELECTION });

  // ordering param <-> TanStack sorting state, via each column's meta.sortField.
  const sortFieldById = useMemo(() => {
    const map = new Map<string, string>();
    for (const def of config.columns) {
      const id = columnId(def);
      if (id && def.meta?.sortField) map.set(id, def.meta.sortField);
    }
    return map;
  }, [config.columns]);

  const sortField = state.sort?.field;
  const sortDesc = state.sort?.desc ?? false;
  const sorting = useMemo(
    () => toSortingState(sortFieldById, sortField, sortDesc),
    [sortField, sortDesc, sortFieldById],
  );

  // A keyset page's number comes from the URL (counted by Next/Previous); a page with nothing before it is page 1.
  const page = cursors && state.cursor && cursors.previous === null && !url.isPending ? 1 : state.page;
  const pagination: PaginationState = useMemo(
    () => ({ pageIndex: page - 1, pageSize: state.pageSize }),
    [page, state.pageSize],
  );

  const getRowLabel = config.getRowLabel;
  const columns = useMemo(() => {
    const col = createDataTableColumnHelper<Row>();
    const result: DataTableColumnDef<Row>[] = [];
    if (selectable) {
      result.push(
        col.display({
          id: "__select",
          header: ({ table }) => (
            <Checkbox
              aria-label="Select all rows on this page"
              checked={
                table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false
              }
              onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
            />
          ),
          cell: ({ row }) => (
            <Checkbox
              aria-label={`Select ${getRowLabel?.(row.original) ?? `row ${row.original.id}`}`}
              checked={row.getIsSelected()}
              disabled={!row.getCanSelect()}
              // Click (not change) so Shift+click reaches the range-selection handler.
              onClick={(event) => {
                event.preventDefault();
                row.getToggleSelectedHandler()({ target: { checked: !row.getIsSelected() }, shiftKey: event.shiftKey });
              }}
            />
          ),
          meta: { headerClassName: "w-10 pl-4", cellClassName: "w-10 pl-4" },
        }),
      );
    }
    result.push(...config.columns);
    const rowActions = config.rowActions;
    if (rowActions?.length) {
      result.push(
        col.display({
          id: "__actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: ({ row }) => (
            <DataTableRowActions row={row.original} actions={rowActions} rowLabel={getRowLabel?.(row.original)} />
          ),
          meta: { headerClassName: "w-12", cellClassName: "w-12 py-1 text-right" },
        }),
      );
    }
    return result;
  }, [config.columns, config.rowActions, selectable, getRowLabel]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    rowCount: count,
    manualPagination: true,
    manualSorting: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    isRowRangeSelectionEvent: isShiftClick,
    state: { sorting, pagination, rowSelection },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      const field = next ? sortFieldById.get(next.id) : undefined;
      url.setOrdering(field ? `${next.desc ? "-" : ""}${field}` : null);
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== pagination.pageSize) url.setPageSize(next.pageSize);
      else url.setPage(next.pageIndex + 1);
    },
    onRowSelectionChange,
  });

  const selectedIds = useMemo(
    () => Object.keys(rowSelection).filter((id) => rowSelection[id]).map(Number),
    [rowSelection],
  );

  const isEmpty = count === 0;
  const showControls = !isEmpty || url.rowsAreFiltered || url.isFiltered;

  let body: ReactNode;
  if (isEmpty && !url.rowsAreFiltered) {
    const empty = config.emptyState;
    body = <EmptyState icon={empty.icon} title={empty.title} description={empty.description} action={empty.action} />;
  } else if (isEmpty) {
    body = (
      <EmptyState
        icon={SearchXIcon}
        title={config.noResults?.title ?? `No ${config.title.toLowerCase()} match these filters`}
        description={config.noResults?.description ?? "Try a different search or remove some filters."}
        action={
          <Button variant="outline" onClick={url.clearFilters}>
            Clear filters
          </Button>
        }
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState
        title="This page is empty"
        description={`There are ${formatTotal(count, countIsEstimate)} ${config.title.toLowerCase()}, but not on page ${url.committed.page}.`}
        action={
          <Button variant="outline" onClick={() => url.setPage(1)}>
            Go to the first page
          </Button>
        }
      />
    );
  }

  return (
    <DataTableProvider onSave={config.onSave} refresh={url.refresh}>
      {/* bottom padding keeps the floating bulk bar from covering the pagination */}
      <div className={cn("flex flex-col gap-3", selectedIds.length > 0 && "pb-20")} data-slot="data-table">
        <DataTableToolbar
          url={url}
          filters={filters}
          search={config.search ?? {}}
          title={config.title}
          actions={config.toolbar}
          showControls={showControls}
        />
        <div className="relative overflow-hidden rounded-lg border bg-card">
          {url.isPending && (
            <div className="absolute inset-x-0 top-0 z-10 h-0.5 animate-pulse bg-primary" role="progressbar" aria-label="Loading" />
          )}
          {body ?? (
            <>
              <Table
                aria-label={config.title}
                aria-busy={url.isPending || undefined}
                className={cn("transition-opacity", url.isPending && "opacity-60")}
              >
                <TableHeader className="bg-muted/40">
                  {table.getHeaderGroups().map((group) => (
                    <TableRow key={group.id} className="hover:bg-transparent">
                      {group.headers.map((header) => (
                        <SortableHead key={header.id} header={header} table={table} />
                      ))}
                    </TableRow>
                  ))}
                </TableHeader>
                <TableBody>
                  {table.getRowModel().rows.map((row) => (
                    <TableRow
                      key={row.id}
                      data-state={row.getIsSelected() ? "selected" : undefined}
                      className={config.rowClassName?.(row.original)}
                    >
                      {row.getAllCells().map((cell) => {
                        const meta = cell.column.columnDef.meta;
                        return (
                          <TableCell key={cell.id} className={cn(alignClass(meta?.align), meta?.cellClassName)}>
                            <table.FlexRender cell={cell} />
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <DataTablePagination
                table={table}
                url={url}
                cursors={cursors}
                rowsOnPage={rows.length}
                countIsEstimate={countIsEstimate}
                pageSizes={pageSizes}
                selectedCount={selectedIds.length}
              />
            </>
          )}
        </div>
      </div>
      {selectable && (
        <DataTableBulkBar selectedIds={selectedIds} actions={config.bulkActions ?? []} onClear={clearSelection} />
      )}
    </DataTableProvider>
  );
}

function SortableHead<Row extends { id: number }>({
  header,
  table,
}: {
  header: Header<DataTableFeatures, Row>;
  table: ReturnType<typeof useTable<DataTableFeatures, Row>>;
}) {
  const meta = header.column.columnDef.meta;
  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
  const className = cn(alignClass(meta?.align), meta?.headerClassName);
  if (!meta?.sortField || header.isPlaceholder) {
    return (
      <TableHead colSpan={header.colSpan} className={className}>
        {content}
      </TableHead>
    );
  }
  const sorted = header.column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
  const label = meta.label ?? (typeof header.column.columnDef.header === "string" ? header.column.columnDef.header : header.column.id);
  return (
    <TableHead
      colSpan={header.colSpan}
      className={className}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
    >
      <button
        type="button"
        onClick={() => header.column.toggleSorting(undefined, false)}
        className={cn(
          "-mx-2 inline-flex h-7 items-center gap-1.5 rounded-md px-2 font-medium whitespace-nowrap transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
          meta.align === "right" && "flex-row-reverse",
          sorted && "text-foreground",
        )}
        aria-label={`Sort by ${label}`}
        title={`Sort by ${label}`}
      >
        {content}
        <Icon aria-hidden="true" className={cn("size-3.5", !sorted && "opacity-40")} />
      </button>
    </TableHead>
  );
}
