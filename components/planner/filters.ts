// Planner table filters: plain data shared by the server pages and the client tables.
import { defineFilters, toServiceQuery, type TableQuery } from "@/components/data-table/parse-search-params";
import { CLUSTER_REVIEWS, CLUSTER_STATUSES, IDEA_STATUSES, KEYWORD_STATUSES } from "@/lib/planner/schemas";
import { KEYWORD_INTENTS } from "@/lib/reference/intents";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, " ");
const options = (values: readonly string[]) => values.map((value) => ({ value, label: capitalize(value) }));

export const KEYWORD_SORT_FIELDS = ["createdAt", "volume", "difficulty", "keyword"] as const;
export const CLUSTER_SORT_FIELDS = ["name", "volume", "keywordsCount", "confidence", "createdAt"] as const;
export const IDEA_SORT_FIELDS = ["title", "createdAt", "estimatedWordCount", "status"] as const;

export function keywordFilters(clusters: { id: number; name: string }[]) {
  return defineFilters([
    { id: "status", label: "Status", type: "select", options: options(KEYWORD_STATUSES) },
    { id: "intent", label: "Intent", type: "select", options: options(KEYWORD_INTENTS) },
    { id: "cluster", label: "Cluster", type: "select", param: "cluster_id", options: [{ value: "none", label: "No cluster" }, ...clusters.map((c) => ({ value: String(c.id), label: c.name }))] },
    { id: "difficulty", label: "Difficulty", type: "number-range", min: 0, max: 100 },
    { id: "volume", label: "Volume", type: "number-range", min: 0 },
  ]);
}

/** Table URL state → the keyword service's query (validated again by its schema). */
export function keywordServiceQuery(query: TableQuery<ReturnType<typeof keywordFilters>>, selection: { siteId?: number; sectorId?: number }) {
  const { difficulty, volume, cluster, ...rest } = toServiceQuery(query);
  return { ...rest, ...selection, cursor: query.cursor || undefined, clusterId: cluster, difficultyMin: difficulty?.min, difficultyMax: difficulty?.max, volumeMin: volume?.min, volumeMax: volume?.max };
}

export const clusterFilters = defineFilters([
  { id: "status", label: "Status", type: "select", options: options(CLUSTER_STATUSES) },
  { id: "review", label: "Review", type: "select", options: [{ value: "needs_check", label: "Needs a check" }, { value: "checked", label: "Checked" }] satisfies { value: (typeof CLUSTER_REVIEWS)[number]; label: string }[] },
]);

export function ideaFilters(clusters: { id: number; name: string }[]) {
  return defineFilters([
    { id: "status", label: "Status", type: "select", options: options(IDEA_STATUSES) },
    { id: "cluster", label: "Cluster", type: "select", param: "cluster_id", options: clusters.map((c) => ({ value: String(c.id), label: c.name })) },
  ]);
}

export const INTENT_OPTIONS = options(KEYWORD_INTENTS);
export const KEYWORD_STATUS_OPTIONS = options(KEYWORD_STATUSES);
export { capitalize };
