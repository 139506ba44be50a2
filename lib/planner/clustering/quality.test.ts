import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFixture, scoreClustering, type LabelledFixture } from "./quality";

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

describe("labelled fixtures", () => {
  it("has at least 4 realistic fixtures of 150–400 keywords", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    for (const { fixture } of fixtures) {
      expect(fixture.keywords.length).toBeGreaterThanOrEqual(150);
      expect(fixture.keywords.length).toBeLessThanOrEqual(400);
      for (const k of fixture.keywords) expect(["informational", "navigational", "commercial", "transactional"]).toContain(k.intent);
    }
  });

  // Floors sit a margin below what the default threshold achieves (see README / benchmark output).
  it.each(fixtures)("meets the quality floor on $file", ({ fixture }) => {
    const { scores } = evaluateFixture(fixture);
    expect(scores.purity).toBeGreaterThanOrEqual(0.88);
    expect(scores.bcubedF1).toBeGreaterThanOrEqual(0.7);
  });

  it("meets the mean quality floor across fixtures", () => {
    let purity = 0;
    let f1 = 0;
    for (const { fixture } of fixtures) {
      const { scores } = evaluateFixture(fixture);
      purity += scores.purity;
      f1 += scores.bcubedF1;
    }
    expect(purity / fixtures.length).toBeGreaterThanOrEqual(0.92);
    expect(f1 / fixtures.length).toBeGreaterThanOrEqual(0.76);
  });

  it("still clusters sensibly when intents must be inferred", () => {
    for (const { fixture } of fixtures) {
      const { scores } = evaluateFixture(fixture, { dropIntents: true });
      expect(scores.purity).toBeGreaterThanOrEqual(0.75);
      expect(scores.bcubedF1).toBeGreaterThanOrEqual(0.62);
    }
  });
});
