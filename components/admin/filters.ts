import { defineFilters } from "@/components/data-table/parse-search-params";

export const accountFilters = defineFilters([
  { id: "status", label: "Status", type: "select", options: ["active", "trial", "suspended", "cancelled"].map((v) => ({ value: v, label: v })) },
]);

export const userFilters = defineFilters([
  { id: "role", label: "Role", type: "select", options: ["developer", "owner", "admin", "editor", "viewer"].map((v) => ({ value: v, label: v })) },
]);
