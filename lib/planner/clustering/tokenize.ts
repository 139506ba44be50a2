import { stemmer } from "stemmer";
import { COMPARISON_WORDS, INTENT_SIGNALS, LEADING_NAME_WORDS, LISTICLE_WORDS, NAVIGATIONAL_PHRASES, QUESTION_FRAME, QUESTION_STARTERS, STOP_WORDS, VARIANTS, WEAK_MODIFIERS, isYear } from "./lexicon";
import { foldKeyword } from "./normalize";
import type { Intent } from "./types";

export type KeywordTokens = {
  /** Stemmed content tokens in query order, duplicates removed (first occurrence kept). */
  content: string[];
  /** The word each content token comes from (after VARIANTS), same order as `content`. */
  contentWords: string[];
  /** Stemmed weak modifiers (intent words, years, generic commerce words), duplicates removed. */
  weak: string[];
  /** Question-frame words of a question ("long", "worth", "need"): weak weight, but they tell questions apart. */
  frame: string[];
  /** Two adjacent content words written as one ("help desk" → "helpdesk"), to recognise the closed compound elsewhere in a list. */
  joined: string[];
  /** Intent inferred from the words alone, or null when nothing signals one. */
  inferredIntent: Intent | null;
  /** "x vs y", "x or y", "difference between x and y": a comparison query. */
  comparison: boolean;
  /** "best x", "top x", "x reviews": a listicle / review query. */
  listicle: boolean;
  /** The keyword is a question: it starts with a question word ("how", "why", "are", "can" …). */
  question: boolean;
  /** The task of a "how to <verb> …" keyword: the stem of its first content word after "how to", or null. */
  task: string | null;
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

/** How a word counts for clustering: dropped, weak (intent / frame word) or content (the topic). */
function roleOf(word: string, index: number, words: readonly string[], question: boolean): "stop" | "weak" | "frame" | "content" {
  if (index === 0 && words.length > 1 && LEADING_NAME_WORDS.has(word)) return "content";
  if (STOP_WORDS.has(word)) return "stop";
  if (WEAK_MODIFIERS.has(word) || isYear(word)) return "weak";
  if (question && QUESTION_FRAME.has(word)) return "frame";
  return "content";
}

export function tokenizeKeyword(keyword: string): KeywordTokens {
  const folded = foldKeyword(keyword);
  const surface = folded ? folded.split(" ") : [];
  const words = surface.map((w) => VARIANTS.get(w) ?? w);
  const question = surface.length > 1 && QUESTION_STARTERS.has(surface[0]);
  const content: string[] = [];
  const contentWords: string[] = [];
  const weak: string[] = [];
  const frame: string[] = [];
  const joined: string[] = [];
  let previous: string | null = null; // the previous word when it was a content word
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const role = roleOf(w, i, words, question);
    if (role === "content") {
      const s = stem(w);
      if (!content.includes(s)) {
        content.push(s);
        contentWords.push(w);
      }
      if (previous !== null) joined.push(previous + w);
      previous = w;
      continue;
    }
    previous = null;
    if (role === "weak" || role === "frame") {
      const list = role === "weak" ? weak : frame;
      const s = stem(w);
      if (!list.includes(s)) list.push(s);
    }
  }
  const comparison = surface.some((w, i) => COMPARISON_WORDS.has(w) && i > 0 && i < surface.length - 1) || surface[0] === "difference" || surface[0] === "compare";
  let task: string | null = null;
  const how = surface.indexOf("how");
  if (how >= 0 && surface[how + 1] === "to" && how + 2 < words.length && roleOf(words[how + 2], how + 2, words, question) === "content") task = stem(words[how + 2]);
  return { content, contentWords, weak, frame, joined, inferredIntent: inferIntent(surface), comparison, listicle: surface.some((w) => LISTICLE_WORDS.has(w)), question, task };
}
