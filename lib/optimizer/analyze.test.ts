import { describe, expect, it } from "vitest";
import { analyzeContent, CHECKS, WEIGHTS, type Analysis, type AnalyzeInput } from "./index";

const KW = "trail running shoes";
const PLAIN = [
  "Good grip keeps you safe on wet rock.",
  "A light shoe saves energy on long climbs.",
  "Check the fit late in the day when your feet are larger.",
  "Most pairs last about five hundred miles.",
  "Wash off the mud after each run and let them dry slowly.",
  "A rock plate helps on sharp stones.",
];
const para = (lead: string, n = 6) => `<p>${lead} ${PLAIN.slice(0, n).join(" ")}</p>`;

/** An article that passes every check (about 400 words, target 400). */
function goodInput(overrides: Partial<AnalyzeInput> = {}): AnalyzeInput {
  const body = [
    para(`The right ${KW} make muddy paths fun again.`),
    `<h2>How to pick ${KW}</h2>`,
    para("Start with the ground you run on most."),
    para('Read our <a href="/guides/trail-running-socks">guide to trail socks</a> as well.'),
    `<figure><img src="/img/shoes.jpg" alt="Two pairs of ${KW} on a rock"></figure>`,
    "<h2>Grip and fit</h2>",
    para("Deep lugs bite into soft ground."),
    para(`We tested twelve ${KW} this year.`),
    "<h3>Wide feet</h3>",
    para('Some brands make wide sizes. See <a href="https://example.com/wide-fit">wide fit tips</a>.'),
    "<h2>Care and cleaning</h2>",
    para('The <a href="https://www.nps.gov/trails">park service</a> lists trail rules worth reading.'),
    para("Rotate two pairs if you run every day."),
  ].join("\n");
  return {
    title: `Best ${KW} for muddy paths`,
    html: body,
    metaTitle: "Best Trail Running Shoes for Mud: 12 Pairs We Tested",
    metaDescription: `We ran 500 miles in twelve pairs of ${KW} to find the best grip, fit and value for mud, rock and long days out on the trail.`,
    slug: "best-trail-running-shoes",
    primaryKeyword: KW,
    secondaryKeywords: ["wide feet", "rock plate"],
    targetWordCount: 380,
    siteHost: "https://www.example.com",
    ...overrides,
  };
}

const check = (a: Analysis, id: string) => {
  const c = a.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

describe("weights and shape", () => {
  it("weights sum to 100 and match the checks", () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(CHECKS.map((c) => c.id).sort()).toEqual(Object.keys(WEIGHTS).sort());
    const a = analyzeContent(goodInput());
    expect(a.checks.reduce((s, c) => s + c.maxScore, 0)).toBe(100);
    for (const c of a.checks) {
      expect(c.maxScore).toBe(WEIGHTS[c.id]);
      expect(Number.isInteger(c.score)).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(c.maxScore);
      expect(c.message.length).toBeGreaterThan(0);
      if (c.status !== "good") expect(c.suggestion).toBeTruthy();
    }
    expect(Number.isInteger(a.score)).toBe(true);
  });

  it("a well-optimised article scores 100 with every check good", () => {
    const a = analyzeContent(goodInput());
    expect(a.checks.filter((c) => c.status !== "good").map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(a.score).toBe(100);
    expect(a.stats).toMatchObject({ headings: 4, paragraphs: 8, internalLinks: 2, externalLinks: 1, images: 1, imagesWithoutAlt: 0, keywordOccurrences: 3 });
    expect(a.stats.wordCount).toBeGreaterThan(350);
    expect(a.stats.keywordDensity).toBeCloseTo((3 / a.stats.wordCount) * 100, 2);
    expect(a.stats.readingEase).toBeGreaterThan(60);
  });

  it("is deterministic: same input, same analysis", () => {
    const input = goodInput({ title: "Shoes" });
    expect(analyzeContent(input)).toEqual(analyzeContent(input));
    expect(analyzeContent({ ...input })).toEqual(analyzeContent(structuredClone(input)));
  });
});

describe("keyword checks", () => {
  it("title: exact phrase, plural/case variants, words only, missing", () => {
    expect(check(analyzeContent(goodInput({ title: "TRAIL RUNNING SHOE Review" })), "keyword-title").status).toBe("good");
    const words = check(analyzeContent(goodInput({ title: "Running shoes for the trail" })), "keyword-title");
    expect([words.status, words.score]).toEqual(["ok", 4]);
    const missing = check(analyzeContent(goodInput({ title: "Our favourite gear" })), "keyword-title");
    expect([missing.status, missing.score]).toEqual(["bad", 0]);
    expect(missing.suggestion).toBe('Add "trail running shoes" to the title, ideally near the beginning.');
  });

  it("first paragraph", () => {
    const input = goodInput();
    const html = input.html.replace(`The right ${KW} make muddy paths fun again.`, "Muddy paths are fun again.");
    const c = check(analyzeContent({ ...input, html }), "keyword-intro");
    expect(c.status).toBe("ok"); // it still appears early
    expect(c.suggestion).toBe('Add "trail running shoes" to the first paragraph.');
    const late = `<p>Muddy paths are fun.</p>${"<p>Filler words here for a while now.</p>".repeat(60)}<p>${KW}</p>`;
    expect(check(analyzeContent({ ...input, html: late }), "keyword-intro").status).toBe("bad");
  });

  it("subheadings: H2/H3 needed, H4 partial, over-optimised", () => {
    const base = goodInput();
    const noKw = base.html.replace(`<h2>How to pick ${KW}</h2>`, "<h2>How to pick</h2>");
    expect(check(analyzeContent({ ...base, html: noKw }), "keyword-subheadings").status).toBe("bad");
    const h4 = noKw + `<h4>More ${KW}</h4>`;
    expect(check(analyzeContent({ ...base, html: h4 }), "keyword-subheadings").status).toBe("ok");
    const all = [1, 2, 3, 4].map((i) => `<h2>${KW} part ${i}</h2>${para("Intro.")}`).join("");
    expect(check(analyzeContent({ ...base, html: all }), "keyword-subheadings").message).toMatch(/over-optimised/);
    expect(check(analyzeContent({ ...base, html: para(KW) }), "keyword-subheadings").message).toMatch(/no H2 or H3/);
  });

  it("meta title and description mention the keyword", () => {
    const a = analyzeContent(goodInput({ metaTitle: "Twelve pairs we tested on muddy trails this year", metaDescription: "" }));
    expect(check(a, "keyword-meta-title").status).toBe("bad");
    expect(check(a, "keyword-meta-description").message).toBe("No meta description is set.");
  });

  it("slug", () => {
    expect(check(analyzeContent(goodInput({ slug: "trail-running-shoes-2026" })), "keyword-slug").status).toBe("good");
    expect(check(analyzeContent(goodInput({ slug: "shoes-for-trail-running" })), "keyword-slug").status).toBe("ok");
    const bad = check(analyzeContent(goodInput({ slug: "post-123" })), "keyword-slug");
    expect(bad.status).toBe("bad");
    expect(bad.suggestion).toContain('"trail-running-shoes"');
  });

  it("density: none, low, good, stuffing", () => {
    const filler = para("Plain words.").repeat(20);
    const none = analyzeContent(goodInput({ html: filler }));
    expect(check(none, "keyword-density").status).toBe("bad");
    expect(none.stats.keywordOccurrences).toBe(0);
    const low = analyzeContent(goodInput({ html: para(`${KW}.`) + filler.repeat(3) }));
    expect(check(low, "keyword-density").status).toBe("ok");
    expect(check(low, "keyword-density").suggestion).toMatch(/more time/);
    const stuffed = analyzeContent(goodInput({ html: `<p>${`${KW} are great. `.repeat(30)}</p>` }));
    const c = check(stuffed, "keyword-density");
    expect(c.status).toBe("bad");
    expect(c.message).toMatch(/keyword stuffing/);
    expect(stuffed.stats.keywordDensity).toBeGreaterThan(3.5);
  });

  it("counts plural and case variants but not words split by punctuation", () => {
    const a = analyzeContent(goodInput({ html: "<p>Trail Running Shoe. trail-running shoes. Trail, running shoes.</p>" }));
    expect(a.stats.keywordOccurrences).toBe(2);
  });

  it("secondary keywords", () => {
    const c = check(analyzeContent(goodInput({ secondaryKeywords: ["wide feet", "heel drop", "gaiters", "toe box", "stack height"] })), "secondary-keywords");
    expect(c.status).toBe("bad");
    expect(c.suggestion).toBe('Work in "heel drop", "gaiters", "toe box" and 1 more where they fit.');
    expect(check(analyzeContent(goodInput({ secondaryKeywords: [] })), "secondary-keywords").status).toBe("good");
  });
});

describe("structure, content and readability checks", () => {
  it("headings: multiple H1s, missing H2s, skipped levels", () => {
    const base = goodInput();
    const twoH1 = check(analyzeContent({ ...base, html: `<h1>A</h1><h1>B</h1>${base.html}` }), "headings");
    expect(twoH1.message).toMatch(/2 H1 headings/);
    expect(twoH1.score).toBe(4);
    const noH2 = check(analyzeContent({ ...base, html: base.html.replace(/<h[23]>.*?<\/h[23]>/g, "") }), "headings");
    expect(noH2.message).toMatch(/no H2 subheadings/);
    expect(noH2.status).toBe("bad");
    const skipped = check(analyzeContent({ ...base, html: base.html.replace("<h3>Wide feet</h3>", "<h4>Wide feet</h4>") }), "headings");
    expect(skipped.message).toMatch(/H2 is followed by H4/);
    expect(skipped.suggestion).toBe('Make "Wide feet" an H3, or add the missing level above it.');
    expect(check(analyzeContent({ ...base, html: para("Short note.") }), "headings").status).toBe("good");
  });

  it("length vs. target", () => {
    const short = check(analyzeContent(goodInput({ targetWordCount: 2000 })), "length");
    expect(short.status).toBe("bad");
    expect(short.suggestion).toMatch(/^Add about 1,\d{3} words/);
    expect(check(analyzeContent(goodInput({ targetWordCount: 600 })), "length").status).toBe("ok");
    expect(check(analyzeContent(goodInput({ targetWordCount: 100 })), "length").message).toMatch(/much longer/);
    expect(check(analyzeContent(goodInput({ targetWordCount: undefined })), "length").message).toMatch(/default 1,000-word target/);
  });

  it("reading ease: plain vs. dense English, and non-English text is not scored", () => {
    const dense =
      "<p>The comprehensive biomechanical evaluations of the participants demonstrated considerable variability in their proprioceptive " +
      "responsiveness, and this necessitates individualized recommendations regarding the midsole characteristics of the footwear.</p>";
    const c = check(analyzeContent(goodInput({ html: dense.repeat(5) })), "reading-ease");
    expect(c.status).toBe("bad");
    expect(c.suggestion).toMatch(/shorter sentences/);
    const german = "<p>Die richtigen Laufschuhe sind für schlammige Wege sehr wichtig, weil sie guten Halt geben und den Fuß schützen.</p>".repeat(5);
    const g = check(analyzeContent(goodInput({ html: german })), "reading-ease");
    expect(g.status).toBe("good");
    expect(g.message).toMatch(/only meaningful for English/);
  });

  it("sentence and paragraph length", () => {
    const long = `<p>${"This sentence keeps going and going with many words that never seem to stop because the writer forgot about full stops and readers, ".repeat(7)}end.</p>`;
    const a = analyzeContent(goodInput({ html: long.repeat(3) }));
    expect(check(a, "sentence-length").status).toBe("bad");
    expect(check(a, "sentence-length").suggestion).toMatch(/Split the 3 sentences longer than 25 words/);
    expect(check(a, "paragraph-length").status).toBe("bad");
    expect(a.stats.avgSentenceLength).toBeGreaterThan(25);
    const oneLong = goodInput().html + long;
    expect(check(analyzeContent(goodInput({ html: oneLong })), "paragraph-length").status).toBe("ok");
  });
});

describe("links and media checks", () => {
  it("internal links: relative and same-host count, fragments and mailto do not", () => {
    const html = `${para(KW)}<p><a href="#top">top</a> <a href="mailto:a@b.c">mail</a> <a href="https://example.com/x">x</a></p>`;
    const withHost = analyzeContent(goodInput({ html, siteHost: "example.com" }));
    expect([withHost.stats.internalLinks, withHost.stats.externalLinks]).toEqual([1, 0]);
    const noHost = analyzeContent(goodInput({ html, siteHost: undefined }));
    expect([noHost.stats.internalLinks, noHost.stats.externalLinks]).toEqual([0, 1]);
    expect(check(noHost, "internal-links").message).toMatch(/no site host given/);
  });

  it("internal links scale with length; external links needed", () => {
    const base = goodInput();
    const noLinks = base.html.replace(/<a [^>]*>|<\/a>/g, "");
    const a = analyzeContent({ ...base, html: noLinks });
    expect(check(a, "internal-links").status).toBe("bad");
    expect(check(a, "external-links").status).toBe("bad");
    const long = base.html + para("More text here.").repeat(40);
    const c = check(analyzeContent({ ...base, html: long }), "internal-links");
    expect(c.status).toBe("ok");
    expect(c.suggestion).toMatch(/^Add \d+ more links/);
  });

  it("images and alt text (keyword in alt is a bonus)", () => {
    const base = goodInput();
    const none = analyzeContent({ ...base, html: base.html.replace(/<figure>.*?<\/figure>/, "") });
    expect(check(none, "images").status).toBe("bad");
    expect(check(none, "image-alt").score).toBe(0);
    const noAlt = analyzeContent({ ...base, html: base.html + '<img src="/a.jpg"><img src="/b.jpg" alt="  ">' });
    expect(noAlt.stats.imagesWithoutAlt).toBe(2);
    expect(check(noAlt, "image-alt").status).toBe("bad");
    const plainAlt = check(analyzeContent({ ...base, html: base.html.replace(`alt="Two pairs of ${KW} on a rock"`, 'alt="Two pairs on a rock"') }), "image-alt");
    expect([plainAlt.status, plainAlt.score]).toEqual(["good", 4]);
    expect(check(analyzeContent(base), "image-alt").score).toBe(5);
  });
});

describe("meta length checks", () => {
  it("meta title length", () => {
    const len = (n: number) => check(analyzeContent(goodInput({ metaTitle: `${KW} ${"x".repeat(Math.max(0, n - KW.length - 1))}` })), "meta-title-length");
    expect(len(55).status).toBe("good");
    expect(len(45).status).toBe("ok");
    expect(len(65).status).toBe("bad");
    expect(len(65).suggestion).toMatch(/Shorten it by 5 characters/);
    expect(check(analyzeContent(goodInput({ metaTitle: "" })), "meta-title-length").score).toBe(0);
  });

  it("meta description length", () => {
    const len = (n: number) => check(analyzeContent(goodInput({ metaDescription: `${KW} ${"y".repeat(n - KW.length - 1)}` })), "meta-description-length");
    expect(len(140).status).toBe("good");
    expect(len(110).status).toBe("ok");
    expect(len(180).status).toBe("bad");
    expect(len(50).suggestion).toMatch(/Add about 70 characters/);
  });
});

describe("improvement and edge cases", () => {
  it("the score rises as flagged issues are fixed", () => {
    const good = goodInput();
    const steps: AnalyzeInput[] = [
      { ...good, title: "Our gear", metaTitle: "", metaDescription: "", slug: "post-1", html: good.html.replace(/<a [^>]*>|<\/a>/g, "").replace(/<figure>.*?<\/figure>/, "") },
    ];
    const fix = (patch: Partial<AnalyzeInput>) => steps.push({ ...steps[steps.length - 1], ...patch });
    fix({ title: good.title });
    fix({ metaTitle: good.metaTitle, metaDescription: good.metaDescription });
    fix({ slug: good.slug });
    fix({ html: good.html });
    const scores = steps.map((s) => analyzeContent(s).score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
    expect(scores[scores.length - 1]).toBe(100);
  });

  it("empty input, no keyword and odd HTML don't throw", () => {
    const empty = analyzeContent({ title: "", html: "", metaTitle: "", metaDescription: "", slug: "", primaryKeyword: "", secondaryKeywords: [] });
    expect(empty.score).toBe(0);
    expect(empty.stats).toEqual({
      wordCount: 0, headings: 0, paragraphs: 0, internalLinks: 0, externalLinks: 0, images: 0, imagesWithoutAlt: 0,
      keywordOccurrences: 0, keywordDensity: 0, readingEase: 0, avgSentenceLength: 0,
    });
    const noKw = analyzeContent(goodInput({ primaryKeyword: "  " }));
    expect(check(noKw, "keyword-title").message).toMatch(/No primary keyword/);
    expect(noKw.score).toBeLessThan(100);
    const odd = analyzeContent(goodInput({ html: "<p>unclosed <b>bold <table><td>cell<script>alert(1)</script>&bogus; </p></div>" }));
    expect(odd.stats.wordCount).toBeGreaterThan(0);
    const missing = analyzeContent({ html: "<p>x</p>" } as unknown as AnalyzeInput);
    expect(missing.score).toBeGreaterThanOrEqual(0);
  });

  it("handles huge HTML", () => {
    const huge = goodInput().html.repeat(400); // ~160k words
    const a = analyzeContent(goodInput({ html: huge }));
    expect(a.stats.wordCount).toBeGreaterThan(100_000);
    expect(a.score).toBeGreaterThan(0);
  });
});
