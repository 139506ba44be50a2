/**
 * Linker + optimizer benchmark on a deterministic synthetic site.
 * Run: npx tsx scripts/bench/linker-optimizer.ts   (prints a report and the JSON summary)
 */
import { countWords } from "../../lib/content";
import { buildLinkIndex, suggestIncomingLinks, suggestLinks, type LinkSource } from "../../lib/linker";
import { generateSyntheticSite, syntheticArticleHtml } from "../../lib/linker/synthetic";
import { analyzeContent, type AnalyzeInput } from "../../lib/optimizer";
import { seededRandom } from "../../lib/planner/clustering/synthetic";

const SITE_SIZE = 5000;
const ARTICLE_WORDS = 3000;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

type Timing = { runs: number; medianMs: number; p99Ms: number; minMs: number; maxMs: number };

function time(runs: number, fn: () => unknown, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.max(0, Math.ceil(p * times.length) - 1))];
  return { runs, medianMs: round(at(0.5)), p99Ms: round(at(0.99)), minMs: round(times[0]), maxMs: round(times[times.length - 1]) };
}

export async function runLinkerOptimizerBenchmark(): Promise<Record<string, unknown>> {
  const genStart = performance.now();
  const site = generateSyntheticSite(SITE_SIZE, { words: 1000, seed: 7 });
  const generateMs = round(performance.now() - genStart, 0);
  const htmlMB = round(site.sources.reduce((n, s) => n + s.html.length, 0) / 1024 / 1024, 1);

  // Index: the first build is cold (JIT, caches), later ones warm.
  const coldStart = performance.now();
  const index = buildLinkIndex(site.targets);
  const indexColdMs = round(performance.now() - coldStart);
  const indexWarm = time(5, () => buildLinkIndex(site.targets), 0);

  // One 3,000-word article of a mid-sized topic.
  const own = site.targets[123];
  const sameTopic = site.targets.map((_, i) => i).filter((i) => site.targets[i].clusterIds[0] === own.clusterIds[0]);
  const html = syntheticArticleHtml(seededRandom(2026), own, site.targets, sameTopic, ARTICLE_WORDS);
  const source: LinkSource = { id: own.id, url: own.url, html, clusterIds: own.clusterIds, primaryKeyword: own.primaryKeyword };
  const suggestions = suggestLinks(source, index);
  const suggest = time(20, () => suggestLinks(source, index));

  // Retroactive links for a few targets across all 5,000 sources.
  const incoming = [0, 123, 2500].map((i) => {
    const target = site.targets[i];
    const found = suggestIncomingLinks(target, site.sources, { siteIndex: index });
    const t = time(5, () => suggestIncomingLinks(target, site.sources, { siteIndex: index }), 1);
    return { target: target.primaryKeyword, suggestions: found.length, distinctAnchors: new Set(found.map((s) => s.anchorText.toLowerCase())).size, ...t };
  });

  const input: AnalyzeInput = {
    title: own.title,
    html,
    metaTitle: own.title.slice(0, 60),
    metaDescription: `Everything we learned testing ${own.primaryKeyword}: what matters, what to skip and which models are worth your money this year.`,
    slug: own.url.split("/").pop() ?? "",
    primaryKeyword: own.primaryKeyword,
    secondaryKeywords: own.secondaryKeywords,
    targetWordCount: ARTICLE_WORDS,
    siteHost: "example.com",
  };
  const analysis = analyzeContent(input);
  const analyze = time(100, () => analyzeContent(input), 5);

  const memory = process.memoryUsage();
  return {
    site: { articles: site.targets.length, generateMs, htmlMB, indexedPhrases: index.phrases },
    buildIndex: { coldMs: indexColdMs, warm: indexWarm },
    suggestLinks: { words: countWords(html), suggestions: suggestions.length, sample: suggestions.slice(0, 2).map((s) => `${s.anchorText} → #${s.targetId} (${s.score})`), ...suggest },
    suggestIncomingLinks: incoming,
    analyzeContent: { words: analysis.stats.wordCount, score: analysis.score, ...analyze },
    heapUsedMB: round(memory.heapUsed / 1024 / 1024, 0),
    rssMB: round(memory.rss / 1024 / 1024, 0),
  };
}

function printReport(summary: Record<string, unknown>): void {
  const s = summary as {
    site: { articles: number; generateMs: number; htmlMB: number; indexedPhrases: number };
    buildIndex: { coldMs: number; warm: Timing };
    suggestLinks: Timing & { words: number; suggestions: number; sample: string[] };
    suggestIncomingLinks: (Timing & { target: string; suggestions: number; distinctAnchors: number })[];
    analyzeContent: Timing & { words: number; score: number };
    heapUsedMB: number;
    rssMB: number;
  };
  console.log(`== Synthetic site: ${s.site.articles} articles, ${s.site.htmlMB} MB HTML (generated in ${s.site.generateMs} ms), ${s.site.indexedPhrases} phrases`);
  console.log(`buildLinkIndex (${s.site.articles} targets): cold ${s.buildIndex.coldMs} ms, warm median ${s.buildIndex.warm.medianMs} ms (max ${s.buildIndex.warm.maxMs})`);
  console.log(`suggestLinks (${s.suggestLinks.words} words vs ${s.site.articles}): median ${s.suggestLinks.medianMs} ms, p99 ${s.suggestLinks.p99Ms} ms over ${s.suggestLinks.runs} runs → ${s.suggestLinks.suggestions} links (${s.suggestLinks.sample.join("; ")})`);
  for (const r of s.suggestIncomingLinks) {
    console.log(`suggestIncomingLinks ("${r.target}" across ${s.site.articles} sources): median ${r.medianMs} ms, max ${r.maxMs} ms over ${r.runs} runs → ${r.suggestions} sources, ${r.distinctAnchors} distinct anchors`);
  }
  console.log(`analyzeContent (${s.analyzeContent.words} words): median ${s.analyzeContent.medianMs} ms, p99 ${s.analyzeContent.p99Ms} ms over ${s.analyzeContent.runs} runs (score ${s.analyzeContent.score})`);
  console.log(`heap used ${s.heapUsedMB} MB, rss ${s.rssMB} MB`);
}

if (process.argv[1]?.replace(/\\/g, "/").endsWith("scripts/bench/linker-optimizer.ts")) {
  runLinkerOptimizerBenchmark().then(
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
