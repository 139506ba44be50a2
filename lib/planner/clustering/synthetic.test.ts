import { describe, expect, it } from "vitest";
import { normalizeKeyword } from "./normalize";
import { generateSyntheticKeywords, seededRandom } from "./synthetic";

describe("generateSyntheticKeywords", () => {
  it("is deterministic per seed", () => {
    expect(generateSyntheticKeywords(500, 3)).toEqual(generateSyntheticKeywords(500, 3));
    expect(generateSyntheticKeywords(500, 3)).not.toEqual(generateSyntheticKeywords(500, 4));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it("produces the requested number of unique, plausible keywords", () => {
    const list = generateSyntheticKeywords(5000);
    expect(list).toHaveLength(5000);
    expect(new Set(list.map((k) => normalizeKeyword(k.keyword))).size).toBe(5000);
    expect(new Set(list.map((k) => k.id)).size).toBe(5000);
    for (const k of list) {
      expect(k.volume).toBeGreaterThanOrEqual(10);
      expect(k.keyword.split(" ").length).toBeGreaterThanOrEqual(1);
    }
    expect(list.some((k) => k.intent === null)).toBe(true);
    expect(list.some((k) => k.keyword.startsWith("how to"))).toBe(true);
  });
});
