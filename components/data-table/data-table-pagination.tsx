"use client";

import type { ReactTable } from "@tanstack/react-table";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { DataTableFeatures } from "./features";
import { formatNumber, formatTotal } from "./format";
import type { TableCursors } from "./types";
import type { TableUrlState } from "./use-table-url-state";

/** What the four buttons do: by page number (offset lists), or by the server's cursors (keyset lists). */
function pageButtons<Row extends { id: number }>(table: ReactTable<DataTableFeatures, Row>, url: TableUrlState, cursors: TableCursors | undefined, countIsEstimate: boolean | undefined) {
  if (!cursors) {
    return {
      first: { run: () => table.firstPage(), enabled: table.getCanPreviousPage() },
      previous: { run: () => table.previousPage(), enabled: table.getCanPreviousPage() },
      next: { run: () => table.nextPage(), enabled: table.getCanNextPage() },
      last: { run: () => table.lastPage(), enabled: table.getCanLastPage() },
    };
  }
  const page = table.state.pagination.pageIndex + 1;
  const { next, previous } = cursors;
  return {
    first: { run: () => url.setPage(1), enabled: page > 1 || url.committed.cursor !== "" },
    previous: { run: () => previous && url.setCursorPage(previous, page - 1), enabled: previous !== null },
    next: { run: () => next && url.setCursorPage(next, page + 1), enabled: next !== null },
    // The last page by number is a short OFFSET only while the count is exact (small lists).
    last: { run: () => table.lastPage(), enabled: !countIsEstimate && next !== null },
  };
}

export function DataTablePagination<Row extends { id: number }>({
  table,
  url,
  cursors,
  rowsOnPage,
  countIsEstimate,
  pageSizes,
  selectedCount,
}: {
  table: ReactTable<DataTableFeatures, Row>;
  url: TableUrlState;
  cursors?: TableCursors;
  rowsOnPage: number;
  countIsEstimate?: boolean;
  pageSizes: readonly number[];
  selectedCount: number;
}) {
  const { pageIndex, pageSize } = table.state.pagination;
  const total = table.getRowCount();
  const pageCount = Math.max(1, table.getPageCount(), pageIndex + 1);
  const from = rowsOnPage ? pageIndex * pageSize + 1 : 0;
  const to = rowsOnPage ? from + rowsOnPage - 1 : 0;
  const buttons = pageButtons(table, url, cursors, countIsEstimate);

  return (
    <div className="flex flex-col-reverse gap-3 border-t px-3 py-2.5 text-sm sm:flex-row sm:items-center sm:justify-between">
      <p className="text-muted-foreground tabular-nums" aria-live="polite">
        Showing {formatNumber(from)}–{formatNumber(to)} of {formatTotal(total, countIsEstimate)}
        {selectedCount > 0 && <span className="text-foreground"> · {formatNumber(selectedCount)} selected</span>}
      </p>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <div className="flex items-center gap-2">
          <span id="data-table-page-size" className="text-muted-foreground">
            Rows per page
          </span>
          <Select value={String(pageSize)} onValueChange={(value) => table.setPageSize(Number(value))}>
            <SelectTrigger size="sm" className="w-[4.5rem]" aria-labelledby="data-table-page-size">
              {/* explicit children: Radix only fills SelectValue after hydration */}
              <SelectValue>{pageSize}</SelectValue>
            </SelectTrigger>
            <SelectContent align="end">
              {pageSizes.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="tabular-nums">
          Page {formatNumber(pageIndex + 1)} of {formatTotal(pageCount, countIsEstimate)}
        </span>
        <nav className="flex items-center gap-1" aria-label="Pagination">
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={buttons.first.run}
            disabled={!buttons.first.enabled}
            aria-label="First page"
          >
            <ChevronsLeftIcon />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={buttons.previous.run}
            disabled={!buttons.previous.enabled}
            aria-label="Previous page"
          >
            <ChevronLeftIcon />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={buttons.next.run}
            disabled={!buttons.next.enabled}
            aria-label="Next page"
          >
            <ChevronRightIcon />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={buttons.last.run}
            disabled={!buttons.last.enabled}
            aria-label="Last page"
          >
            <ChevronsRightIcon />
          </Button>
        </nav>
      </div>
    </div>
  );
}
