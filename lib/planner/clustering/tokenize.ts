import { stemmer } from "stemmer";
import { COMPARISON_WORDS, INTENT_SIGNALS, NAVIGATIONAL_PHRASES, QUESTION_STARTERS, STOP_WORDS, WEAK_MODIFIERS, isYear } from "./lexicon";
import { foldKeyword } from "./normalize";
import type { Intent } from "./types";

export type KeywordTokens = {
  /** Stemmed content tokens in query order, duplicates removed (first occurrence kept). */
  content: string[];
  /** Stemmed weak modifiers (intent words, years, generic commerce words), duplicates removed. */
  weak: string[];
  /** Intent inferred from the words alone, or null when nothing signals one. */
  inferredIntent: Intent | null;
  /** "x vs y", "x or y", "difference between x and y": a comparison query. */
  comparison: boolean;
};

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem (cached); digits and mixed tokens like "401k" are left as they are. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z]{3,}$/.test(word) ? stemmer(word) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

export function inferIntent(words: readonly string[]): Intent | null {
  if (words.length === 0) return null;
  if (QUESTION_STARTERS.has(words[0])) return "informational";
  for (let i = 0; i + 1 < words.length; i++) {
    for (const [a, b] of NAVIGATIONAL_PHRASES) if (words[i] === a && words[i + 1] === b) return "navigational";
  }
  const has = (intent: Intent) => words.some((w) => INTENT_SIGNALS[intent].has(w));
  if (has("informational")) return "informational";
  if (has("navigational")) return "navigational";
  if (has("commercial")) return "commercial";
  if (has("transactional")) return "transactional";
  if (words.includes("for") && words[words.indexOf("for") + 1] === "sale") return "transactional";
  return null;
}

export function tokenizeKeyword(keyword: string): KeywordTokens {
  const folded = foldKeyword(keyword);
  const words = folded ? folded.split(" ") : [];
  const content: string[] = [];
  const weak: string[] = [];
  for (const w of words) {
    if (STOP_WORDS.has(w)) continue;
    if (WEAK_MODIFIERS.has(w) || isYear(w)) {
      const s = stem(w);
      if (!weak.includes(s)) weak.push(s);
      continue;
    }
    const s = stem(w);
    if (!content.includes(s)) content.push(s);
  }
  const comparison = words.some((w, i) => COMPARISON_WORDS.has(w) && i > 0 && i < words.length - 1) || words[0] === "difference" || words[0] === "compare";
  return { content, weak, inferredIntent: inferIntent(words), comparison };
}
