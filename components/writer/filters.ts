// Filters shared by the writer's server pages (URL parsing) and their client tables.
import { defineFilters } from "@/components/data-table/parse-search-params";
import { CONTENT_STATUSES, CONTENT_STRUCTURES, CONTENT_TYPES, TASK_STATUSES } from "@/lib/writer/constants";
import { CONTENT_STATUS_LABELS, CONTENT_STRUCTURE_LABELS, CONTENT_TYPE_LABELS, TASK_STATUS_LABELS } from "./labels";

export type ClusterOption = { id: number; name: string };

const clusterFilter = (clusters: ClusterOption[]) =>
  ({ id: "clusterId", param: "cluster_id", label: "Cluster", type: "select", options: clusters.map((c) => ({ value: String(c.id), label: c.name })) }) as const;

export function taskFilters(clusters: ClusterOption[]) {
  return defineFilters([
    { id: "status", label: "Status", type: "multi-select", options: TASK_STATUSES.map((value) => ({ value, label: TASK_STATUS_LABELS[value] })) },
    clusterFilter(clusters),
    { id: "contentType", param: "content_type", label: "Type", type: "select", options: CONTENT_TYPES.map((value) => ({ value, label: CONTENT_TYPE_LABELS[value] })) },
    { id: "contentStructure", param: "content_structure", label: "Structure", type: "select", options: CONTENT_STRUCTURES.map((value) => ({ value, label: CONTENT_STRUCTURE_LABELS[value] })) },
  ]);
}

export function contentFilters(clusters: ClusterOption[], statuses: readonly (typeof CONTENT_STATUSES)[number][]) {
  return defineFilters([
    ...(statuses.length > 1
      ? [{ id: "status", label: "Status", type: "multi-select", options: statuses.map((value) => ({ value, label: CONTENT_STATUS_LABELS[value] })) } as const]
      : []),
    clusterFilter(clusters),
  ]);
}
