import { stemmer } from "stemmer";
import {
  COMPARISON_WORDS,
  COST_WORDS,
  INTENT_SIGNALS,
  LEADING_NAME_WORDS,
  LISTICLE_WORDS,
  NAVIGATIONAL_PHRASES,
  DEFINITION_FRAME,
  DEFINITION_WORDS,
  QUESTION_FRAME,
  QUESTION_KIND,
  QUESTION_STARTERS,
  STOP_WORDS,
  TASK_PRONOUNS,
  TASK_STOP_VERBS,
  TASK_VERBS,
  VARIANTS,
  WEAK_MODIFIERS,
  isYear,
} from "./lexicon";
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
  /**
   * What a question asks, as "kind|frame words|task" ("how||use" for "how to use x", "how do you use x" and
   * "best way to use x"; "how|long,last|" for "how long does x last"; "when||" for "when to prune x"), or
   * null for a keyword that asks nothing (a listicle question such as "what is the best x" asks for the list).
   */
  questionFrame: string | null;
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
  const listicle = surface.some((w) => LISTICLE_WORDS.has(w));
  return { content, contentWords, weak, frame, joined, inferredIntent: inferIntent(surface), comparison, listicle, question, task, questionFrame: questionFrameOf(surface, words, question, listicle) };
}

/** See KeywordTokens.questionFrame. */
function questionFrameOf(surface: readonly string[], words: readonly string[], question: boolean, listicle: boolean): string | null {
  // From the surface: "much" and "many" are stop words for the vector but frame a question all the same.
  let frame = question ? [...new Set(surface.filter((w) => QUESTION_FRAME.has(w)).map(stem))] : [];
  let verb: string | null = null;
  for (let i = 0; i + 2 < surface.length && verb === null; i++) {
    // "how to x", "how often to x", "way to x", "how do you x", "how can i x"
    let at = -1;
    if ((surface[i] === "how" || surface[i] === "way") && surface[i + 1] === "to") at = i + 2;
    else if (surface[i] === "how" && surface[i + 2] === "to" && QUESTION_FRAME.has(surface[i + 1])) at = i + 3;
    else if (surface[i] === "how" && QUESTION_STARTERS.has(surface[i + 1]) && TASK_PRONOUNS.has(surface[i + 2])) at = i + 3;
    if (at < 0 || at >= words.length) continue;
    const role = roleOf(words[at], at, words, question);
    if (role === "content" || role === "weak" || TASK_STOP_VERBS.has(words[at])) verb = stem(TASK_VERBS.get(words[at]) ?? words[at]); // weak: "use", "make"
  }
  const defines = !question && verb === null && surface.some((w) => DEFINITION_WORDS.has(w)); // "x definition", "x explained"
  const costs = !question && verb === null && !defines && surface.some((w) => COST_WORDS.has(w)); // "x cost" asks "how much does x cost"
  if (costs) frame = [stem("much")];
  const kind = question ? QUESTION_KIND.get(surface[0]) : verb !== null || costs ? "how" : defines ? "what" : undefined;
  if (kind === undefined || (listicle && verb === null)) return null;
  if (verb === null && (kind === "how" || kind === "what") && frame.length > 0 && frame.every((w) => DEFINITION_FRAME.has(w))) return "what||";
  return kind + "|" + [...frame].sort().join(",") + "|" + (verb ?? "");
}
