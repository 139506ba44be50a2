"use client";

import type { ReactTable } from "@tanstack/react-table";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { DataTableFeatures } from "./features";
import { formatNumber, formatTotal } from "./format";

export function DataTablePagination<Row extends { id: number }>({
  table,
  rowsOnPage,
  countIsEstimate,
  pageSizes,
  selectedCount,
}: {
  table: ReactTable<DataTableFeatures, Row>;
  rowsOnPage: number;
  countIsEstimate?: boolean;
  pageSizes: readonly number[];
  selectedCount: number;
}) {
  const { pageIndex, pageSize } = table.state.pagination;
  const total = table.getRowCount();
  const pageCount = Math.max(1, table.getPageCount());
  const from = rowsOnPage ? pageIndex * pageSize + 1 : 0;
  const to = rowsOnPage ? from + rowsOnPage - 1 : 0;

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
            onClick={() => table.firstPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="First page"
          >
            <ChevronsLeftIcon />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="Previous page"
          >
            <ChevronLeftIcon />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            aria-label="Next page"
          >
            <ChevronRightIcon />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={() => table.lastPage()}
            disabled={!table.getCanLastPage()}
            aria-label="Last page"
          >
            <ChevronsRightIcon />
          </Button>
        </nav>
      </div>
    </div>
  );
}
