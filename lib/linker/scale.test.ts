import { describe, expect, it } from "vitest";
import { countWords } from "@/lib/content";
import { seededRandom } from "@/lib/planner/clustering/synthetic";
import { applyLinks, buildLinkIndex, removeLinks, suggestIncomingLinks, suggestLinks } from "./index";
import { generateSyntheticSite, syntheticArticleHtml } from "./synthetic";

// Smoke test at site scale (not timed: see scripts/bench/linker-optimizer.ts for timings).
describe("linker at 5,000 articles", () => {
  const site = generateSyntheticSite(5000, { words: 400 });
  const index = buildLinkIndex(site.targets);

  it("generates a deterministic site", () => {
    expect(site.targets).toHaveLength(5000);
    expect(new Set(site.targets.map((t) => t.primaryKeyword)).size).toBe(5000);
    expect(generateSyntheticSite(50, { words: 200 })).toEqual(generateSyntheticSite(50, { words: 200 }));
  });

  it("suggests, applies and undoes links for a 3,000-word article", () => {
    const own = site.targets[42];
    const sameTopic = site.targets.map((_, i) => i).filter((i) => site.targets[i].clusterIds[0] === own.clusterIds[0]);
    const html = syntheticArticleHtml(seededRandom(1), own, site.targets, sameTopic, 3000);
    expect(countWords(html)).toBeGreaterThan(2800);
    const src = { id: own.id, url: own.url, html, clusterIds: own.clusterIds, primaryKeyword: own.primaryKeyword };
    const suggestions = suggestLinks(src, index);
    expect(suggestions).toHaveLength(5);
    expect(new Set(suggestions.map((s) => s.targetId)).size).toBe(5);
    expect(suggestions.every((s) => s.targetId !== own.id)).toBe(true);
    expect(suggestLinks(src, index)).toEqual(suggestions);
    const applied = applyLinks(html, suggestions.map((s, i) => ({ anchorText: s.anchorText, occurrence: s.occurrence, url: s.targetUrl, linkId: `s${i}` })));
    expect(applied.applied).toBe(5);
    expect(removeLinks(applied.html, suggestions.map((_, i) => `s${i}`))).toBe(html);
  });

  it("finds incoming links for one article across 5,000 sources", () => {
    const target = site.targets[7];
    const incoming = suggestIncomingLinks(target, site.sources, { siteIndex: index });
    expect(incoming.length).toBeGreaterThan(0);
    expect(new Set(incoming.map((s) => s.sourceId)).size).toBe(incoming.length);
    expect(incoming.every((s) => s.sourceId !== target.id && s.targetId === target.id)).toBe(true);
  });
});
