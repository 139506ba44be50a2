import { describe, expect, it } from "vitest";
import { applyLinks, buildLinkIndex, incomingPrefilter, suggestIncomingLinks, suggestLinks, targetPhrases, type LinkSource, type LinkTarget } from "./index";

const target = (id: number, primaryKeyword: string, extra: Partial<LinkTarget> = {}): LinkTarget => ({
  id,
  title: extra.title ?? primaryKeyword.replace(/\b[a-z]/g, (c) => c.toUpperCase()),
  url: extra.url ?? `https://example.com/${primaryKeyword.replace(/\W+/g, "-")}`,
  primaryKeyword,
  secondaryKeywords: extra.secondaryKeywords ?? [],
  clusterIds: extra.clusterIds ?? [],
});
const source = (html: string, extra: Partial<LinkSource> = {}): LinkSource => ({ id: 999, html, clusterIds: [], ...extra });

const TARGETS: LinkTarget[] = [
  target(1, "best trail shoes", { title: "Best Trail Shoes 2026", clusterIds: [10], secondaryKeywords: ["trail running shoes"] }),
  target(2, "waterproof trail shoes", { clusterIds: [10] }),
  target(3, "how to clean a yoga mat", { title: "How to Clean a Yoga Mat: 7 Easy Steps", clusterIds: [20], secondaryKeywords: ["yoga mat cleaner"] }),
  target(4, "women's running shoes", { clusterIds: [10] }),
  target(5, "rain jacket", { clusterIds: [30] }),
];
const INDEX = buildLinkIndex(TARGETS);

describe("targetPhrases", () => {
  it("derives keyword, core and title phrases", () => {
    const phrases = targetPhrases(TARGETS[0]).map((p) => [p.kind, p.text]);
    expect(phrases).toEqual([
      ["primary", "best trail shoes"],
      ["primary-variant", "trail shoes"],
      ["secondary", "trail running shoes"],
    ]);
    const yoga = targetPhrases(TARGETS[2]).map((p) => [p.kind, p.text]);
    expect(yoga).toContainEqual(["primary-variant", "clean a yoga mat"]);
    expect(yoga).toContainEqual(["secondary", "yoga mat cleaner"]);
    // "7 Easy Steps" is generic, not a topic.
    expect(yoga.some(([, t]) => /steps/i.test(t))).toBe(false);
  });

  it("drops generic title fragments and one-letter anchors", () => {
    const t = target(9, "x", { title: "Everything You Need to Know: Rain Jackets for Kids", secondaryKeywords: ["a"] });
    expect(targetPhrases(t).map((p) => p.text)).toEqual(["Rain Jackets for Kids"]);
  });
});

describe("suggestLinks", () => {
  it("suggests anchors with exact source text, occurrence, score, reason and context", () => {
    const html = "<h2>Trail shoes</h2><p>Buy <strong>Trail Shoes</strong> for muddy paths. Our guide covers every season.</p>";
    const [s, ...rest] = suggestLinks(source(html, { clusterIds: [10] }), INDEX);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ sourceId: 999, targetId: 1, targetUrl: TARGETS[0].url, anchorText: "Trail Shoes", occurrence: 0 });
    expect(s.reason).toBe('Mentions "Trail Shoes", from the primary keyword "best trail shoes" of "Best Trail Shoes 2026" (same cluster)');
    expect(s.context).toContain("Buy Trail Shoes for muddy paths");
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it("is case-insensitive and tolerant to plurals, stems and apostrophes", () => {
    const html = "<p>A Trail Shoe review, and a list of womens running shoe models. We also clean yoga mats.</p>";
    const got = suggestLinks(source(html), INDEX).map((s) => [s.targetId, s.anchorText]);
    expect(got).toContainEqual([1, "Trail Shoe"]);
    expect(got).toContainEqual([4, "womens running shoe"]);
  });

  it("prefers the longer, more specific phrase when phrases overlap", () => {
    const got = suggestLinks(source("<p>These waterproof trail shoes are great.</p>"), INDEX);
    expect(got.map((s) => [s.targetId, s.anchorText])).toEqual([[2, "waterproof trail shoes"]]);
  });

  it("boosts targets in the source's cluster", () => {
    const targets = [target(1, "compost bin", { clusterIds: [1] }), target(2, "compost bin", { clusterIds: [2] })];
    const index = buildLinkIndex(targets);
    expect(suggestLinks(source("<p>Get a compost bin.</p>", { clusterIds: [2] }), index)[0].targetId).toBe(2);
    expect(suggestLinks(source("<p>Get a compost bin.</p>", { clusterIds: [1] }), index)[0].targetId).toBe(1);
    const inCluster = suggestLinks(source("<p>Get a compost bin.</p>", { clusterIds: [1] }), index)[0];
    const outside = suggestLinks(source("<p>Get a compost bin.</p>", { clusterIds: [7] }), index)[0];
    expect(inCluster.score).toBeGreaterThan(outside.score);
    expect(inCluster.reason).toMatch(/\(same cluster\)$/);
  });

  it("never links in headings, existing links, code, pre, image alt or attributes", () => {
    const html =
      '<h1>Rain jacket</h1><h3>rain jacket</h3><p><a href="/other">rain jacket</a> <code>rain jacket</code></p><pre>rain jacket</pre>' +
      '<p title="rain jacket"><img src="/a.jpg" alt="rain jacket"></p><p>A <kbd>rain jacket</kbd></p>';
    expect(suggestLinks(source(html), INDEX)).toEqual([]);
  });

  it("never links across inline tags or clause punctuation", () => {
    expect(suggestLinks(source("<p>Rain <em>jacket</em> and trail. Shoes, rain, jacket.</p>"), INDEX)).toEqual([]);
  });

  it("never self-links by id or by URL", () => {
    expect(suggestLinks(source("<p>rain jacket</p>", { id: 5 }), INDEX)).toEqual([]);
    expect(suggestLinks(source("<p>rain jacket</p>", { url: "https://www.example.com/rain-jacket/" }), INDEX)).toEqual([]);
  });

  it("skips targets the article already links to (HTML hrefs and existingLinkUrls)", () => {
    const html = '<p>rain jacket and <a href="/rain-jacket/">a coat</a>; also best trail shoes</p>';
    expect(suggestLinks(source(html), INDEX).map((s) => s.targetId)).toEqual([1]);
    const without = suggestLinks(source("<p>rain jacket; best trail shoes</p>"), INDEX, { existingLinkUrls: ["http://example.com/best-trail-shoes?utm=x"] });
    expect(without.map((s) => s.targetId)).toEqual([5]);
  });

  it("never uses the source's own primary keyword as an anchor to another page", () => {
    const html = "<p>Our rain jacket picks.</p>";
    expect(suggestLinks(source(html, { primaryKeyword: "rain jackets" }), INDEX)).toEqual([]);
  });

  it("caps links per article (counting existing linker links) and per target", () => {
    const html = "<p>best trail shoes, waterproof trail shoes, clean a yoga mat, women's running shoes, rain jacket.</p>";
    expect(suggestLinks(source(html), INDEX)).toHaveLength(5);
    expect(suggestLinks(source(html), INDEX, { maxLinksPerArticle: 2 })).toHaveLength(2);
    const withExisting = `<p><a href="/x" data-link-id="old">old</a></p>${html}`;
    expect(suggestLinks(source(withExisting), INDEX, { maxLinksPerArticle: 2 })).toHaveLength(1);
    expect(suggestLinks(source(html), INDEX, { maxLinksPerArticle: 0 })).toEqual([]);

    const repeat = "<p>Best trail shoes. More trail shoes. Even more best trail shoes and trail running shoes.</p>";
    expect(suggestLinks(source(repeat), INDEX).filter((s) => s.targetId === 1)).toHaveLength(1);
    const two = suggestLinks(source(repeat), INDEX, { maxLinksPerTarget: 2 }).filter((s) => s.targetId === 1);
    expect(two).toHaveLength(2);
    expect(new Set(two.map((s) => s.anchorText.toLowerCase())).size).toBe(2); // varied anchors
  });

  it("links a phrase only to the pages that own it in its strongest form, and never a generic one", () => {
    const pillar = target(1, "compost bin");
    const others = [2, 3, 4, 5, 6, 7].map((id) => target(id, `compost topic ${id}`, { secondaryKeywords: [`cheap compost bin`] }));
    const text = "<p>Every garden needs a compost bin.</p>";
    expect(suggestLinks(source(text), buildLinkIndex([pillar, ...others])).map((s) => s.targetId)).toEqual([1]);
    // Already linking to the pillar: the phrase does not fall back to a page that merely mentions it.
    const linked = `${text}<p><a href="${pillar.url}">pillar</a></p>`;
    expect(suggestLinks(source(linked), buildLinkIndex([pillar, ...others]))).toEqual([]);
    // Shared equally by six pages (no owner): too generic to link.
    expect(buildLinkIndex(others).phrases).toBe(6); // only each page's own primary keyword survives
    expect(suggestLinks(source(text), buildLinkIndex(others))).toEqual([]);
    expect(suggestIncomingLinks(others[0], [source(text, { id: 100 })], { siteIndex: buildLinkIndex(others) })).toEqual([]);
    // Shared by three: still linkable (with an ambiguity penalty).
    const few = suggestLinks(source(text), buildLinkIndex(others.slice(0, 3)));
    expect(few).toHaveLength(1);
    expect(few[0].score).toBeLessThan(0.75);
  });

  it("does not reuse the same anchor text in one article", () => {
    const targets = [target(1, "compost bin", { clusterIds: [1] }), target(2, "compost bin guide", { secondaryKeywords: ["compost bin"] })];
    const got = suggestLinks(source("<p>A compost bin here. A compost bin there.</p>"), buildLinkIndex(targets), { maxLinksPerArticle: 5 });
    expect(got).toHaveLength(1);
  });

  it("lowers the score of anchors already used for the target elsewhere (usedAnchors)", () => {
    const html = "<p>best trail shoes</p>";
    const fresh = suggestLinks(source(html), INDEX)[0];
    const reused = suggestLinks(source(html), INDEX, { usedAnchors: [{ targetId: 1, anchorText: "Best Trail Shoes" }] })[0];
    expect(reused.targetId).toBe(1);
    expect(reused.score).toBeLessThan(fresh.score);
  });

  it("is deterministic and independent of target order", () => {
    const html = "<p>best trail shoes, waterproof trail shoes, clean a yoga mat, rain jacket and trail shoes.</p>";
    const a = suggestLinks(source(html), INDEX);
    const b = suggestLinks(source(html), buildLinkIndex([...TARGETS].reverse()));
    expect(b).toEqual(a);
    expect(suggestLinks(source(html), INDEX)).toEqual(a);
  });

  it("produces suggestions that applyLinks inserts exactly", () => {
    const html =
      "<h2>Rain jacket</h2><p>Rain jacket or <em>rain</em> jacket? A rain jacket &amp; best trail shoes.</p><ul><li>Clean a yoga&nbsp;mat weekly.</li></ul>";
    const suggestions = suggestLinks(source(html), INDEX);
    expect(suggestions.length).toBe(3);
    const rain = suggestions.find((s) => s.targetId === 5)!;
    expect([rain.anchorText, rain.occurrence]).toEqual(["Rain jacket", 1]);
    const r = applyLinks(html, suggestions.map((s) => ({ anchorText: s.anchorText, occurrence: s.occurrence, url: s.targetUrl })));
    expect(r.skipped).toEqual([]);
    expect(r.applied).toBe(3);
    expect(r.html).toContain('<p><a href="https://example.com/rain-jacket" data-link-id=');
    expect(r.html).toContain(">Clean a yoga&nbsp;mat</a> weekly.");
  });

  it("handles empty and odd input", () => {
    expect(suggestLinks(source(""), INDEX)).toEqual([]);
    expect(suggestLinks(source("<p>rain jacket</p>"), buildLinkIndex([]))).toEqual([]);
    expect(buildLinkIndex([target(1, "", { title: "" })]).phrases).toBe(0);
  });
});

describe("suggestIncomingLinks", () => {
  const newArticle = target(50, "trail running shoes", { title: "Trail Running Shoes: Buyer's Guide", clusterIds: [10], secondaryKeywords: ["running shoes for trails"] });
  const sources: LinkSource[] = [
    source("<p>I love trail running shoes for long runs.</p>", { id: 1, clusterIds: [10] }),
    source("<p>Trail running shoes matter. So do socks.</p>", { id: 2, clusterIds: [10] }),
    source("<p>Nothing about it.</p>", { id: 3 }),
    source('<p>trail running shoes, see <a href="https://example.com/trail-running-shoes">here</a></p>', { id: 4 }),
    source("<p>trail running shoes</p>", { id: 50 }),
    source("<h2>Trail running shoes</h2><p>Running shoes for trails are different.</p>", { id: 6 }),
    source("<p>café and trail running shoes</p>", { id: 7 }),
  ];

  it("finds older articles that mention the new one, skipping self and existing links", () => {
    const got = suggestIncomingLinks(newArticle, sources);
    expect(got.map((s) => s.sourceId).sort((a, b) => a - b)).toEqual([1, 2, 6, 7]);
    for (const s of got) {
      expect(s.targetId).toBe(50);
      const r = applyLinks(sources.find((x) => x.id === s.sourceId)!.html, [{ anchorText: s.anchorText, occurrence: s.occurrence, url: s.targetUrl }]);
      expect(r.applied).toBe(1);
    }
  });

  it("varies anchors across sources", () => {
    const got = suggestIncomingLinks(newArticle, sources);
    const anchors = new Set(got.map((s) => s.anchorText.toLowerCase()));
    expect(anchors.size).toBeGreaterThan(1);
    const byUsed = suggestIncomingLinks(newArticle, sources, { usedAnchors: [{ targetId: 50, anchorText: "trail running shoes" }] });
    expect(Math.max(...byUsed.map((s) => s.score))).toBeLessThanOrEqual(Math.max(...got.map((s) => s.score)));
  });

  it("prefers a different anchor for each source when several fit", () => {
    const both = [1, 2, 3, 4].map((id) => source("<p>Trail running shoes. Also running shoes for trails.</p>", { id, clusterIds: [10] }));
    const got = suggestIncomingLinks(newArticle, both);
    expect(got).toHaveLength(4);
    const counts = new Map<string, number>();
    for (const s of got) counts.set(s.anchorText.toLowerCase(), (counts.get(s.anchorText.toLowerCase()) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([2, 2]);
  });

  it("is deterministic and independent of source order", () => {
    const a = suggestIncomingLinks(newArticle, sources);
    expect(suggestIncomingLinks(newArticle, [...sources].reverse())).toEqual(a);
  });

  it("with the site index, leaves phrases that belong more to another page", () => {
    const pillar = target(60, "running shoes", { clusterIds: [10] });
    const fresh = target(61, "trail running shoes for mud", { secondaryKeywords: ["cheap running shoes"], clusterIds: [10] });
    const src = [source("<p>Running shoes wear out. Trail running shoes for mud grip better.</p>", { id: 1, clusterIds: [10] })];
    // Alone, "running shoes" (core of the secondary keyword "cheap running shoes") is a candidate…
    const alone = suggestIncomingLinks(fresh, [source("<p>Running shoes wear out.</p>", { id: 1 })]);
    expect(alone.map((s) => s.anchorText)).toEqual(["Running shoes"]);
    // …but the site has a page whose primary keyword it is.
    const siteIndex = buildLinkIndex([pillar, fresh]);
    expect(suggestIncomingLinks(fresh, [source("<p>Running shoes wear out.</p>", { id: 1 })], { siteIndex })).toEqual([]);
    expect(suggestIncomingLinks(fresh, src, { siteIndex }).map((s) => s.anchorText)).toEqual(["Trail running shoes for mud"]);
  });

  it("respects the per-article cap of existing linker links", () => {
    const full = source('<p><a href="/a" data-link-id="1">a</a> trail running shoes</p>', { id: 8 });
    expect(suggestIncomingLinks(newArticle, [full], { maxLinksPerArticle: 1 })).toEqual([]);
    expect(suggestIncomingLinks(newArticle, [full], { maxLinksPerArticle: 2 })).toHaveLength(1);
  });
});

describe("incomingPrefilter", () => {
  it("gives the literal prefixes a mention must contain, [] when nothing can link, aligned with the site", () => {
    const target = { id: 1, title: "Compost bins compared", url: "/compost-bins", primaryKeyword: "compost bins", secondaryKeywords: [], clusterIds: [] };
    const groups = incomingPrefilter(target)!;
    expect(groups).toContainEqual(["compost", "bin"]);
    expect(groups.every((g) => g.every((p) => /^[a-z0-9]{3,}$/.test(p)))).toBe(true);
    expect(incomingPrefilter({ ...target, title: "", primaryKeyword: "" })).toEqual([]);
    // Another page owns "compost bins" as its primary keyword: a page with it only as a secondary
    // keyword's phrase is not a target for it.
    const owner = { ...target, id: 2, url: "/other" };
    const weaker = { ...target, id: 3, url: "/weaker", title: "Garden tools", primaryKeyword: "garden tools", secondaryKeywords: ["compost bins"] };
    const aligned = incomingPrefilter(weaker, buildLinkIndex([owner, weaker]))!;
    expect(aligned).not.toContainEqual(["compost", "bin"]);
  });
});
