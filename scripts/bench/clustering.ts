/**
 * Local keyword clustering benchmark: speed on synthetic lists and quality on the labelled fixtures.
 * Run: npx tsx scripts/bench/clustering.ts   (prints a report and the JSON summary)
 */
import fs from "node:fs";
import path from "node:path";
import { clusterKeywords, DEFAULT_THRESHOLD } from "../../lib/planner/clustering";
import { evaluateFixture, fixtureInput, predictedGroups, scoreClustering, scoreSecondLabelling, type LabelledFixture } from "../../lib/planner/clustering/quality";
import { CHECK_CONFIDENCE_BELOW, type ClusterResult } from "../../lib/planner/clustering/types";
import { generateSyntheticKeywords } from "../../lib/planner/clustering/synthetic";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/clustering");
/** Independent second labellings of some fixtures (same keywords): the reference the algorithm is read against. */
const SECOND_LABELLER_DIR = path.join(FIXTURE_DIR, "second-labeller");
const THRESHOLDS = [0.4, DEFAULT_THRESHOLD, 0.6, 0.7];
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

function timeRun(size: number, runs: number) {
  const keywords = generateSyntheticKeywords(size);
  const times: number[] = [];
  let clusters = 0;
  let unclustered = 0;
  let heapDelta = 0;
  for (let r = 0; r < runs; r++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const result = clusterKeywords(keywords);
    times.push(performance.now() - start);
    heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
    clusters = result.clusters.length;
    unclustered = result.unclusteredIds.length;
  }
  times.sort((a, b) => a - b);
  const memory = process.memoryUsage();
  return {
    keywords: keywords.length,
    runs,
    medianMs: Math.round(times[Math.floor(times.length / 2)]),
    clusters,
    unclustered,
    heapGrowthMB: mb(heapDelta),
    heapUsedMB: mb(memory.heapUsed),
    rssMB: mb(memory.rss),
  };
}

/** Confidence bands of the clusters list ("check" under CHECK_CONFIDENCE_BELOW): how many clusters, and how many mix two labels. */
const CONFIDENCE_BANDS = [
  { name: `under ${CHECK_CONFIDENCE_BELOW * 100}%`, below: CHECK_CONFIDENCE_BELOW },
  { name: `${CHECK_CONFIDENCE_BELOW * 100}–85%`, below: 0.85 },
  { name: "85% or more", below: Infinity },
];

/** Adds one clustering's clusters to the bands, read against one labelling of its keywords. */
function tallyConfidence(result: ClusterResult, fixture: LabelledFixture, tally: { clusters: number; mixed: number }[]) {
  const { labels } = fixtureInput(fixture);
  for (const c of result.clusters) {
    const band = tally[CONFIDENCE_BANDS.findIndex((b) => c.confidence < b.below)];
    band.clusters++;
    if (new Set(c.keywordIds.map((id) => labels.get(id))).size > 1) band.mixed++;
  }
}

function loadFixtures(): { file: string; fixture: LabelledFixture }[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, fixture: JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, file), "utf8")) as LabelledFixture }));
}

export async function runClusteringBenchmark(): Promise<Record<string, unknown>> {
  const speed = { synthetic10k: timeRun(10_000, 3), synthetic100k: timeRun(100_000, 1) };
  const quality: Record<string, unknown> = {};
  const sums = { purity: 0, bcubedF1: 0 };
  const fixtures = loadFixtures();
  const confidence = CONFIDENCE_BANDS.map(() => ({ clusters: 0, mixed: 0 }));
  for (const { file, fixture } of fixtures) {
    const byThreshold: Record<string, unknown> = {};
    let atDefault: ClusterResult | undefined;
    for (const threshold of THRESHOLDS) {
      const { result, scores, coverage } = evaluateFixture(fixture, { threshold });
      if (threshold === DEFAULT_THRESHOLD) atDefault = result;
      byThreshold[String(threshold)] = {
        coverage: round(coverage),
        pairPrecision: round(scores.pairPrecision),
        pairRecall: round(scores.pairRecall),
        adjustedRand: round(scores.adjustedRand),
        mixedClusters: scores.mixedClusters,
        purity: round(scores.purity),
        bcubedF1: round(scores.bcubedF1),
        bcubedPrecision: round(scores.bcubedPrecision),
        bcubedRecall: round(scores.bcubedRecall),
        clusters: scores.clusters,
        unclustered: scores.unclustered,
      };
      if (threshold === DEFAULT_THRESHOLD) {
        sums.purity += scores.purity;
        sums.bcubedF1 += scores.bcubedF1;
      }
    }
    const inferred = evaluateFixture(fixture, { dropIntents: true }).scores;
    const secondFile = path.join(SECOND_LABELLER_DIR, file);
    const secondLabelling = fs.existsSync(secondFile) ? (JSON.parse(fs.readFileSync(secondFile, "utf8")) as LabelledFixture) : null;
    // Clustering reads no labels: the default run is scored against each labelling of its keywords.
    tallyConfidence(atDefault!, fixture, confidence);
    if (secondLabelling) tallyConfidence(atDefault!, secondLabelling, confidence);
    const second = secondLabelling && scoreSecondLabelling(fixture, secondLabelling);
    const againstSecond = secondLabelling && scoreClustering(predictedGroups(atDefault!), fixtureInput(secondLabelling).labels);
    quality[file.replace(/\.json$/, "")] = {
      keywords: fixture.keywords.length,
      labels: new Set(fixture.keywords.map((k) => k.label)).size,
      byThreshold,
      intentsInferredOnly: { purity: round(inferred.purity), bcubedF1: round(inferred.bcubedF1) },
      secondLabeller: second && {
        labels: second.clusters,
        pairPrecision: round(second.pairPrecision),
        pairRecall: round(second.pairRecall),
        adjustedRand: round(second.adjustedRand),
        mixedClusters: second.mixedClusters,
        algorithm: againstSecond && { pairPrecision: round(againstSecond.pairPrecision), adjustedRand: round(againstSecond.adjustedRand), mixedClusters: againstSecond.mixedClusters },
      },
    };
  }
  return {
    defaultThreshold: DEFAULT_THRESHOLD,
    speed,
    quality,
    confidenceBands: CONFIDENCE_BANDS.map((b, i) => ({ band: b.name, ...confidence[i] })),
    meanAtDefault: { purity: round(sums.purity / fixtures.length), bcubedF1: round(sums.bcubedF1 / fixtures.length) },
  };
}

export function printReport(summary: Record<string, unknown>): void {
  const speed = summary.speed as Record<string, ReturnType<typeof timeRun>>;
  console.log("== Speed (clustering only, synthetic keywords)");
  for (const [name, s] of Object.entries(speed)) {
    console.log(
      `${name.padEnd(14)} ${String(s.keywords).padStart(6)} kw  ${s.runs === 1 ? "1 run " : `median of ${s.runs}`}: ${String(s.medianMs).padStart(6)} ms  ` +
        `clusters ${s.clusters}, unclustered ${s.unclustered}, heap growth ${s.heapGrowthMB} MB, heap ${s.heapUsedMB} MB, rss ${s.rssMB} MB`,
    );
  }
  console.log(`\n== Quality on labelled sets at the default ("Balanced", ${summary.defaultThreshold}); targets: coverage ≥ 0.85, pairwise precision ≥ 0.9, no mixed cluster`);
  for (const [name, q] of Object.entries(summary.quality as Record<string, { keywords: number; byThreshold: Record<string, Record<string, number>> }>)) {
    const s = q.byThreshold[String(summary.defaultThreshold)];
    console.log(
      `${name.padEnd(22)} ${String(q.keywords).padStart(5)} kw | coverage ${s.coverage.toFixed(2)} | precision ${s.pairPrecision.toFixed(2)} | recall ${s.pairRecall.toFixed(2)} | ARI ${s.adjustedRand.toFixed(2)} | mixed clusters ${s.mixedClusters}` +
        ` | ${s.coverage >= 0.85 && s.pairPrecision >= 0.9 && s.mixedClusters === 0 ? "meets" : "short of"} the targets`,
    );
  }
  console.log("\n== Against a second labeller: the same keywords labelled again, independently; algorithm ÷ second labeller, both scored against the set's labels");
  type Second = { labels: number; pairPrecision: number; pairRecall: number; adjustedRand: number; mixedClusters: number; algorithm: Record<string, number> };
  for (const [name, q] of Object.entries(summary.quality as Record<string, { labels: number; byThreshold: Record<string, Record<string, number>>; secondLabeller: Second | null }>)) {
    const b = q.secondLabeller;
    if (!b) continue;
    const s = q.byThreshold[String(summary.defaultThreshold)];
    console.log(
      `${name.padEnd(22)} second labeller (${b.labels} pages against ${q.labels}): precision ${b.pairPrecision.toFixed(2)}, recall ${b.pairRecall.toFixed(2)}, ARI ${b.adjustedRand.toFixed(2)}, mixed ${b.mixedClusters}` +
        ` | algorithm ÷ labeller: precision ${(s.pairPrecision / b.pairPrecision).toFixed(2)}×, ARI ${(s.adjustedRand / b.adjustedRand).toFixed(2)}×` +
        ` | algorithm scored against the second labels: precision ${b.algorithm.pairPrecision.toFixed(2)}, ARI ${b.algorithm.adjustedRand.toFixed(2)}, mixed ${b.algorithm.mixedClusters}`,
    );
  }
  const bands = summary.confidenceBands as { band: string; clusters: number; mixed: number }[];
  console.log("\n== Confidence says which clusters to check: clusters that mix two labels, by confidence, over every labelling");
  console.log(bands.map((b) => `${b.band}: ${b.mixed} of ${b.clusters} (${Math.round((100 * b.mixed) / Math.max(1, b.clusters))}%)`).join(" | "));
  console.log(`\n== Quality on labelled fixtures (purity / B-cubed F1; default threshold ${summary.defaultThreshold})`);
  const quality = summary.quality as Record<string, { keywords: number; labels: number; byThreshold: Record<string, Record<string, number>>; intentsInferredOnly: Record<string, number> }>;
  for (const [name, q] of Object.entries(quality)) {
    const cells = Object.entries(q.byThreshold).map(
      ([t, s]) => `t=${t}: ${s.purity.toFixed(3)} / ${s.bcubedF1.toFixed(3)} (${s.clusters}c, ${s.unclustered}u)`,
    );
    console.log(`${name.padEnd(18)} ${q.keywords} kw, ${q.labels} labels | ${cells.join(" | ")} | intents inferred only @default: ${q.intentsInferredOnly.purity.toFixed(3)} / ${q.intentsInferredOnly.bcubedF1.toFixed(3)}`);
  }
  const mean = summary.meanAtDefault as Record<string, number>;
  console.log(`mean @default: purity ${mean.purity.toFixed(3)}, B-cubed F1 ${mean.bcubedF1.toFixed(3)}`);
}

if (process.argv[1]?.replace(/\\/g, "/").endsWith("scripts/bench/clustering.ts")) {
  runClusteringBenchmark().then(
    (summary) => {
      printReport(summary);
      console.log("\n" + JSON.stringify(summary));
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
