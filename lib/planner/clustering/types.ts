export type Intent = "informational" | "navigational" | "commercial" | "transactional";

export type ClusterInputKeyword = { id: number; keyword: string; volume: number; intent?: Intent | null };

export type ClusterOptions = {
  /** Similarity threshold 0..1; default 0.5; higher = tighter clusters. */
  threshold?: number;
  /** Default 2; smaller groups are reported as unclustered. */
  minClusterSize?: number;
  /** Called at least every ~2% of the work (and once at the end). Must be cheap. */
  onProgress?: (done: number, total: number) => void;
};

export type LocalCluster = {
  /** The head term: the member keyword with the highest volume (ties: shortest, then alphabetical). */
  name: string;
  headKeywordId: number;
  /** Head first, then by volume desc. */
  keywordIds: number[];
  totalVolume: number;
  /** Dominant intent of members (by volume), null if none is known or inferable. */
  intent: Intent | null;
  /** 0..1 cohesion: mean pairwise cosine similarity of the members × intent purity (see README). */
  confidence: number;
};

export type ClusterResult = { clusters: LocalCluster[]; unclusteredIds: number[] };

/**
 * A local cluster under this confidence is worth reading before planning from it: on the labelled sets
 * (every labelling) about a third of those mix two pages, against 6 % at 0.85 or more (npm run bench:planner).
 */
export const CHECK_CONFIDENCE_BELOW = 0.7;

/** An active local cluster under that bar that nobody has checked yet (the clusters list marks it "check"). */
export const needsCheck = (c: { status: string; source: string; confidence: number | null; checkedAt: Date | string | null }) =>
  c.status === "active" && c.source === "local" && c.confidence !== null && c.confidence < CHECK_CONFIDENCE_BELOW && !c.checkedAt;

export const INTENTS: readonly Intent[] = ["informational", "navigational", "commercial", "transactional"];
