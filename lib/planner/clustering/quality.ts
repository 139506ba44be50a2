import { clusterKeywords } from "./cluster";
import type { ClusterInputKeyword, ClusterOptions, ClusterResult, Intent } from "./types";

export type LabelledKeyword = { keyword: string; volume: number; intent: Intent | null; label: string };
export type LabelledFixture = { name: string; keywords: LabelledKeyword[] };

export type QualityScores = {
  /** Σ over predicted groups of the size of their largest label, / N. Rewards precision only. */
  purity: number;
  /** The same with the roles swapped (how intact each labelled cluster stays). */
  inversePurity: number;
  /** B-cubed precision/recall/F1 (Bagga & Baldwin; Amigó et al. 2009), averaged over keywords. */
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  /** Pairwise: of the keyword pairs put in one cluster, the share with one label (unclustered keywords make no pairs). */
  pairPrecision: number;
  /** Pairwise: of the keyword pairs with one label, the share put in one cluster. */
  pairRecall: number;
  /** Adjusted Rand index of the partition (unclustered keywords as singletons): 0 = chance, 1 = the labels. */
  adjustedRand: number;
  /** Clusters holding keywords of more than one label. */
  mixedClusters: number;
  /** Predicted groups of size ≥ minClusterSize and keywords left unclustered. */
  clusters: number;
  unclustered: number;
  labels: number;
};

/** Predicted groups as id lists: every cluster, plus one singleton per unclustered id. */
export function predictedGroups(result: ClusterResult): number[][] {
  return [...result.clusters.map((c) => c.keywordIds), ...result.unclusteredIds.map((id) => [id])];
}

/**
 * Compares predicted groups with gold labels (unclustered keywords count as singletons).
 * B-cubed: for keyword k with predicted group P(k) and gold group L(k),
 * precision(k) = |P(k) ∩ L(k)| / |P(k)|, recall(k) = |P(k) ∩ L(k)| / |L(k)|; both averaged over all
 * keywords, F1 is their harmonic mean. Unlike purity it cannot be gamed by singletons (recall drops) or
 * one big cluster (precision drops).
 */
export function scoreClustering(groups: number[][], labelOf: ReadonlyMap<number, string>): QualityScores {
  const n = labelOf.size;
  const labelSize = new Map<string, number>();
  for (const l of labelOf.values()) labelSize.set(l, (labelSize.get(l) ?? 0) + 1);
  let purityHits = 0;
  let mixed = 0;
  let samePairs = 0; // pairs in one predicted group and one label
  let predictedPairs = 0;
  let precisionSum = 0;
  let recallSum = 0;
  const labelBest = new Map<string, number>();
  for (const g of groups) {
    const counts = new Map<string, number>();
    for (const id of g) {
      const l = labelOf.get(id);
      if (l === undefined) throw new Error(`No label for keyword id ${id}`);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    let max = 0;
    if (g.length > 1 && counts.size > 1) mixed++;
    predictedPairs += pairs(g.length);
    for (const [l, c] of counts) {
      samePairs += pairs(c);
      if (c > max) max = c;
      if (c > (labelBest.get(l) ?? 0)) labelBest.set(l, c);
      precisionSum += (c * c) / g.length;
      recallSum += (c * c) / labelSize.get(l)!;
    }
    purityHits += max;
  }
  let inverseHits = 0;
  for (const c of labelBest.values()) inverseHits += c;
  let labelPairs = 0;
  for (const size of labelSize.values()) labelPairs += pairs(size);
  const allPairs = pairs(n);
  const expected = allPairs ? (predictedPairs * labelPairs) / allPairs : 0;
  const maxIndex = (predictedPairs + labelPairs) / 2;
  const precision = n ? precisionSum / n : 1;
  const recall = n ? recallSum / n : 1;
  return {
    purity: n ? purityHits / n : 1,
    inversePurity: n ? inverseHits / n : 1,
    bcubedPrecision: precision,
    bcubedRecall: recall,
    bcubedF1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    pairPrecision: predictedPairs ? samePairs / predictedPairs : 1,
    pairRecall: labelPairs ? samePairs / labelPairs : 1,
    adjustedRand: maxIndex === expected ? 1 : (samePairs - expected) / (maxIndex - expected),
    mixedClusters: mixed,
    clusters: 0,
    unclustered: 0,
    labels: labelSize.size,
  };
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/** Turns a labelled fixture into clustering input (ids 1..N in file order) and its gold labels. */
export function fixtureInput(fixture: LabelledFixture, opts: { dropIntents?: boolean } = {}) {
  const input: ClusterInputKeyword[] = fixture.keywords.map((k, i) => ({
    id: i + 1,
    keyword: k.keyword,
    volume: k.volume,
    intent: opts.dropIntents ? null : k.intent,
  }));
  const labels = new Map<number, string>(fixture.keywords.map((k, i) => [i + 1, k.label]));
  return { input, labels };
}

/** Clusters a labelled fixture and scores it. `dropIntents` hides the given intents (inference only). */
export function evaluateFixture(fixture: LabelledFixture, options: ClusterOptions & { dropIntents?: boolean } = {}) {
  const { input, labels } = fixtureInput(fixture, options);
  const result = clusterKeywords(input, options);
  const scores = scoreClustering(predictedGroups(result), labels);
  scores.clusters = result.clusters.length;
  scores.unclustered = result.unclusteredIds.length;
  return { result, scores, coverage: input.length ? 1 - result.unclusteredIds.length / input.length : 1 };
}

/**
 * Scores a second, independent labelling of a fixture's keywords (same keywords, same order) against the
 * fixture's labels, as if it were a clustering: how far two labellers agree is the reference the
 * algorithm is read against.
 */
export function scoreSecondLabelling(fixture: LabelledFixture, second: LabelledFixture): QualityScores {
  if (second.keywords.length !== fixture.keywords.length || second.keywords.some((k, i) => k.keyword !== fixture.keywords[i].keyword)) {
    throw new Error(`The second labelling of ${fixture.name} must hold its keywords in the same order`);
  }
  const { labels } = fixtureInput(fixture);
  const pages = new Map<string, number[]>();
  second.keywords.forEach((k, i) => pages.set(k.label, [...(pages.get(k.label) ?? []), i + 1]));
  const scores = scoreClustering([...pages.values()], labels);
  scores.clusters = pages.size;
  return scores;
}
