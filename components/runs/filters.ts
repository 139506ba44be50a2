import { defineFilters } from "@/components/data-table/parse-search-params";
import { RUN_KIND_LABELS, RUN_STATUS_LABELS } from "./labels";

export const runFilters = defineFilters([
  { id: "status", label: "Status", type: "select", options: [{ value: "active", label: "Queued or running" }, ...Object.entries(RUN_STATUS_LABELS).map(([value, label]) => ({ value, label }))] },
  { id: "kind", label: "Kind", type: "select", options: Object.entries(RUN_KIND_LABELS).map(([value, label]) => ({ value, label })) },
]);

export const RUN_SORT_FIELDS = ["createdAt", "kind", "status", "credits"] as const;
