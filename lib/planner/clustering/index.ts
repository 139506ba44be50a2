export type { ClusterInputKeyword, ClusterOptions, ClusterResult, Intent, LocalCluster } from "./types";
export { clusterKeywords, DEFAULT_MIN_CLUSTER_SIZE, DEFAULT_THRESHOLD } from "./cluster";
export { normalizeKeyword } from "./normalize";
