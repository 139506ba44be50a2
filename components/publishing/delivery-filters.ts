import { defineFilters } from "@/components/data-table/parse-search-params";

export const deliveryFilters = defineFilters([
  { id: "event", label: "Event", type: "select", options: [{ value: "content.published", label: "Published" }, { value: "content.unpublished", label: "Unpublished" }, { value: "test", label: "Test" }] },
]);
