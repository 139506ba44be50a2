import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateExport } from "../../../scripts/fixtures/clustering-export";
import { evaluateFixture, scoreClustering, scoreSecondLabelling, type LabelledFixture } from "./quality";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../../tests/fixtures/clustering");
const fixtures = fs
  .readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, fixture: JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, file), "utf8")) as LabelledFixture }));

describe("scoreClustering", () => {
  const labels = new Map<number, string>([
    [1, "a"],
    [2, "a"],
    [3, "a"],
    [4, "b"],
    [5, "b"],
  ]);

  it("is perfect for the gold partition", () => {
    const s = scoreClustering([[1, 2, 3], [4, 5]], labels);
    expect(s).toMatchObject({ purity: 1, inversePurity: 1, bcubedPrecision: 1, bcubedRecall: 1, bcubedF1: 1 });
  });

  it("gives singletons perfect purity but low B-cubed recall", () => {
    const s = scoreClustering([[1], [2], [3], [4], [5]], labels);
    expect(s.purity).toBe(1);
    expect(s.bcubedRecall).toBeCloseTo((3 * (1 / 3) + 2 * (1 / 2)) / 5);
  });

  it("penalises one big cluster through B-cubed precision", () => {
    const s = scoreClustering([[1, 2, 3, 4, 5]], labels);
    expect(s.purity).toBeCloseTo(0.6);
    expect(s.bcubedRecall).toBe(1);
    expect(s.bcubedPrecision).toBeCloseTo((3 * 0.6 + 2 * 0.4) / 5);
  });
});

// Per labelled set at the default ("Balanced") setting: floors a little below what it achieves today
// (printed by `npm run bench:planner`), so a regression fails. coverage = share of keywords in a cluster;
// pairPrecision = share of same-cluster pairs with one label; ARI = adjusted Rand index; mixedClusters =
// clusters holding two labels.
// The targets (coverage ≥ 0.85, pair precision ≥ 0.9) are met on the seven sets the rules were written on; mixed clusters went
// from 53 to 7 in all (question frames, listicle narrowing, two-sense hub words, siblings, name words, list-wide
// words, other-intent refinements, alternatives named together once, keywords that name another page, words
// that head several pages, one question about two things, two kinds of one thing, generic modifiers the list
// repeats with one subject), and the cap per set is today's count. What is left needs synonyms or world
// knowledge ("countertop" = kitchen, "cordless" = electric). See README → Quality.
// car-care and home-fitness are held out: labelled blind, after those rules were written, by someone who never
// saw the clustering. They fall short of the targets (coverage 0.81, precision 0.64 / 0.73): the rules fit
// the seven sets better than they generalise. Their floors are today's figures.
const FLOORS: Record<string, { coverage: number; pairPrecision: number; adjustedRand: number; mixedClusters: number }> = {
  "ambiguous-heads.json": { coverage: 0.875, pairPrecision: 0.99, adjustedRand: 0.8, mixedClusters: 0 },
  "car-care.json": { coverage: 0.82, pairPrecision: 0.675, adjustedRand: 0.59, mixedClusters: 24 },
  "four-topics-65.json": { coverage: 0.86, pairPrecision: 0.99, adjustedRand: 0.33, mixedClusters: 0 },
  "home-fitness.json": { coverage: 0.8, pairPrecision: 0.73, adjustedRand: 0.595, mixedClusters: 20 },
  "home-gardening.json": { coverage: 0.85, pairPrecision: 0.93, adjustedRand: 0.645, mixedClusters: 4 },
  "multi-niche-export.json": { coverage: 0.935, pairPrecision: 0.995, adjustedRand: 0.97, mixedClusters: 0 },
  "personal-finance.json": { coverage: 0.85, pairPrecision: 0.99, adjustedRand: 0.65, mixedClusters: 1 },
  "running-shoes.json": { coverage: 0.89, pairPrecision: 0.99, adjustedRand: 0.78, mixedClusters: 1 },
  "saas-software.json": { coverage: 0.915, pairPrecision: 0.99, adjustedRand: 0.825, mixedClusters: 1 },
};

describe("labelled fixtures", () => {
  it("has realistic fixtures: at least 4 of 150–5,000 keywords, one over 1,000, and a short list of 50–100", () => {
    expect(fixtures.some((f) => f.fixture.keywords.length >= 1000)).toBe(true);
    expect(fixtures.filter((f) => f.fixture.keywords.length >= 150 && f.fixture.keywords.length <= 5000).length).toBeGreaterThanOrEqual(4);
    expect(fixtures.some((f) => f.fixture.keywords.length >= 50 && f.fixture.keywords.length <= 100)).toBe(true);
    for (const { fixture } of fixtures) {
      for (const k of fixture.keywords) expect(["informational", "navigational", "commercial", "transactional"]).toContain(k.intent);
    }
  });

  it("keeps the generated export in step with its generator (npx tsx scripts/fixtures/clustering-export.ts)", () => {
    const committed = fixtures.find((f) => f.file === "multi-niche-export.json")!.fixture;
    expect(committed.keywords).toEqual(generateExport());
    expect(committed.keywords.length).toBeGreaterThanOrEqual(1000);
  });

  it.each(fixtures)("meets the quality floor on $file", ({ file, fixture }) => {
    const floor = FLOORS[file];
    expect(floor, `add ${file} to FLOORS`).toBeDefined();
    const { scores, coverage } = evaluateFixture(fixture);
    expect(coverage).toBeGreaterThanOrEqual(floor.coverage);
    expect(scores.pairPrecision).toBeGreaterThanOrEqual(floor.pairPrecision);
    expect(scores.adjustedRand).toBeGreaterThanOrEqual(floor.adjustedRand);
    expect(scores.mixedClusters).toBeLessThanOrEqual(floor.mixedClusters);
    expect(scores.bcubedF1).toBeGreaterThanOrEqual(0.35);
  });

  it("clusters a short list as well as the long ones: most keywords clustered, no cluster across topics", () => {
    const short = fixtures.find((f) => f.file === "four-topics-65.json")!.fixture;
    const { result, scores, coverage } = evaluateFixture(short);
    expect(coverage).toBeGreaterThanOrEqual(0.85); // 0.48 before the straggler pass, 0.77 before head-term attachment, 0.88 now
    expect(scores.mixedClusters).toBe(0);
    expect(result.clusters.length).toBeLessThanOrEqual(16);
  });

  /** The keywords clustered with `keyword` in labelled set `file` at the default setting. */
  function clusterMatesOf(file: string, keyword: string): string[] {
    const set = fixtures.find((f) => f.file === file)!.fixture;
    const { result } = evaluateFixture(set);
    const id = set.keywords.findIndex((k) => k.keyword === keyword) + 1;
    return result.clusters.find((c) => c.keywordIds.includes(id))!.keywordIds.map((m) => set.keywords[m - 1].keyword);
  }

  it("does not file a keyword that names one page under a page named by a word it lacks (SaaS export)", () => {
    // "free invoice generator" holds the name of the "invoice generator" cluster; it joined "free invoice template" before.
    expect(clusterMatesOf("saas-software.json", "free invoice template")).not.toContain("free invoice generator");
  });

  it("does not file a keyword under a page of its head word that is named by another word (ambiguous heads)", () => {
    // "mercury" heads the planet, retrograde, poisoning and fish pages; "mercury in tuna" joined the planet before.
    expect(clusterMatesOf("ambiguous-heads.json", "mercury planet")).not.toContain("mercury in tuna");
  });

  it("keeps a question about another page of a subject out of a narrower cluster (home gardening)", () => {
    // "blue" recurs with "hydrangeas": the "blue hydrangeas" cluster is the colour page, not the pruning questions' home.
    const blue = clusterMatesOf("home-gardening.json", "blue hydrangeas");
    expect(blue).not.toContain("when to cut back hydrangeas");
    expect(blue).not.toContain("should i cut back hydrangeas in the fall");
  });

  it("makes a page of a generic modifier the export repeats with one subject (multi-niche export)", () => {
    // "online" is how to buy most things in this export ("credit cards online"), but it names "online savings accounts" three times.
    expect(clusterMatesOf("multi-niche-export.json", "online savings accounts").sort()).toEqual(["best online savings accounts", "online savings accounts", "online savings accounts reviews"]);
    expect(clusterMatesOf("multi-niche-export.json", "credit cards")).toContain("credit cards online");
  });

  // Seven sets were labelled a second time, independently, by sessions that saw neither the first labels nor the
  // clustering (tests/fixtures/clustering/second-labeller). The two labellings nest (precision 0.96–1.00) but
  // differ in how finely they cut pages (1.7–6.2 keywords a page); the algorithm, scored against the second
  // labels, reaches 0.36–0.93: these floors are today's figures.
  const SECOND_FLOORS: Record<string, { pairPrecision: number; adjustedRand: number }> = {
    "ambiguous-heads.json": { pairPrecision: 0.355, adjustedRand: 0.49 },
    "car-care.json": { pairPrecision: 0.575, adjustedRand: 0.54 },
    "home-fitness.json": { pairPrecision: 0.69, adjustedRand: 0.585 },
    "home-gardening.json": { pairPrecision: 0.635, adjustedRand: 0.59 },
    "personal-finance.json": { pairPrecision: 0.72, adjustedRand: 0.625 },
    "running-shoes.json": { pairPrecision: 0.92, adjustedRand: 0.77 },
    "saas-software.json": { pairPrecision: 0.68, adjustedRand: 0.74 },
  };

  it.each(Object.keys(SECOND_FLOORS))("scores %s against its second labelling too", (file) => {
    const fixture = fixtures.find((f) => f.file === file)!.fixture;
    const second = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "second-labeller", file), "utf8")) as LabelledFixture;
    expect(scoreSecondLabelling(fixture, second).pairPrecision).toBeGreaterThanOrEqual(0.95);
    const { scores } = evaluateFixture(second);
    expect(scores.pairPrecision).toBeGreaterThanOrEqual(SECOND_FLOORS[file].pairPrecision);
    expect(scores.adjustedRand).toBeGreaterThanOrEqual(SECOND_FLOORS[file].adjustedRand);
  });

  it("meets the mean quality floor across fixtures", () => {
    let ari = 0;
    let f1 = 0;
    for (const { fixture } of fixtures) {
      const { scores } = evaluateFixture(fixture);
      ari += scores.adjustedRand;
      f1 += scores.bcubedF1;
    }
    expect(ari / fixtures.length).toBeGreaterThanOrEqual(0.685); // 0.692 (0.711 without the held-out sets): the precision rules split some pages the labels join
    expect(f1 / fixtures.length).toBeGreaterThanOrEqual(0.77);
  });

  it("still clusters sensibly when intents must be inferred", () => {
    for (const { file, fixture } of fixtures) {
      const { scores, coverage } = evaluateFixture(fixture, { dropIntents: true });
      expect(coverage, file).toBeGreaterThanOrEqual(0.85);
      expect(scores.adjustedRand, file).toBeGreaterThanOrEqual(0.28);
    }
  });
});
