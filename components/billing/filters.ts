import { defineFilters } from "@/components/data-table/parse-search-params";
import { TRANSACTION_TYPES } from "@/lib/billing/schemas";
import { TRANSACTION_TYPE_LABELS } from "./labels";

export const transactionFilters = defineFilters([
  { id: "type", label: "Type", type: "multi-select", options: TRANSACTION_TYPES.map((value) => ({ value, label: TRANSACTION_TYPE_LABELS[value] })) },
  { id: "date", label: "Date", type: "date-range" },
]);
