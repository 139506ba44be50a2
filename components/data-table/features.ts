import {
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";

import type { DataTableColumnMeta } from "./types";

/**
 * The one TanStack feature set used by every DataTable. Sorting and pagination are registered
 * for their state/APIs only: the table runs in manual mode, the server does the work.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** Column helper bound to the DataTable features: `const col = createDataTableColumnHelper<Keyword>()`. */
export function createDataTableColumnHelper<Row extends { id: number }>() {
  return createColumnHelper<DataTableFeatures, Row>();
}
