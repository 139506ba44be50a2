import { CHECKS } from "./checks";
import { countPhrase, extractFacts, keywordOf } from "./facts";
import type { Analysis, AnalyzeInput, Check } from "./types";

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * On-page SEO analysis of one article: every check in ./checks with its score, status, a plain
 * message and a concrete suggestion, plus the overall 0–100 score (sum of the check scores) and
 * stats. Pure and deterministic: no clock, no randomness, no I/O.
 */
export function analyzeContent(input: AnalyzeInput): Analysis {
  const facts = extractFacts(input.html ?? "", input.siteHost);
  const kw = keywordOf(input.primaryKeyword ?? "");
  const ctx = { input, facts, kw };
  const checks: Check[] = CHECKS.map((def) => {
    const outcome = def.run(ctx);
    const score = Math.round(def.weight * Math.min(1, Math.max(0, outcome.fraction)));
    const check: Check = { id: def.id, label: def.label, category: def.category, score, maxScore: def.weight, status: outcome.status, message: outcome.message };
    if (outcome.suggestion) check.suggestion = outcome.suggestion;
    return check;
  });
  const occurrences = kw ? countPhrase(facts.tokens, kw) : 0;
  return {
    score: Math.min(100, Math.max(0, checks.reduce((sum, c) => sum + c.score, 0))),
    checks,
    stats: {
      wordCount: facts.wordCount,
      headings: facts.headings.length,
      paragraphs: facts.paragraphs.length,
      internalLinks: facts.links.filter((l) => l.kind === "internal").length,
      externalLinks: facts.links.filter((l) => l.kind === "external").length,
      images: facts.images.length,
      imagesWithoutAlt: facts.images.filter((i) => !i.alt).length,
      keywordOccurrences: occurrences,
      keywordDensity: facts.wordCount ? round((occurrences / facts.wordCount) * 100, 2) : 0,
      readingEase: round(facts.readability.readingEase, 1),
      avgSentenceLength: round(facts.readability.avgSentenceLength, 1),
    },
  };
}
