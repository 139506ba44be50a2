import { STOP_WORDS, WEAK_MODIFIERS, isYear } from "@/lib/planner/clustering/lexicon";
import { foldKeyword } from "@/lib/planner/clustering/normalize";
import { stem } from "@/lib/planner/clustering/tokenize";

/**
 * Word tokens for phrase matching, shared by the linker and the optimizer.
 *
 * A word is a run of letters/digits, with inner apostrophes kept ("women's", "don't").
 * Its key is the clustering fold (lowercase, accents and apostrophes dropped) + Porter stem,
 * so "Trail Shoes", "trail shoe" and "TRAIL-SHOES" all give the keys `trail shoe`.
 */
export type WordToken = {
  /** Stemmed, folded match key. */
  key: string;
  /** Folded lowercase word before stemming (for stop-word / modifier checks). */
  word: string;
  /** Offsets in the tokenised string (end exclusive). */
  start: number;
  end: number;
  /**
   * The gap before this token holds no clause punctuation, so a phrase may continue across it
   * ("trail shoes", "trail-shoes", "s&p" yes; "trail. Shoes", "trail, shoes" no).
   */
  joinable: boolean;
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ASCII_WORD = /^[a-z0-9]+$/;
/** Punctuation that ends a phrase: sentence / clause marks, brackets, quotes, bullets. */
const HARD_GAP = /[.,;:!?()[\]{}"“”„«»|…•·<>=]/;
const HARD_GAP_NL = /[.,;:!?()[\]{}"“”„«»|…•·<>=\n]/;

const keyCache = new Map<string, { key: string; word: string }>();
const KEY_CACHE_LIMIT = 100_000;

function keyOf(raw: string): { key: string; word: string } {
  let hit = keyCache.get(raw);
  if (hit === undefined) {
    let word = raw.toLowerCase();
    if (!ASCII_WORD.test(word)) word = foldKeyword(word).replace(/ /g, "");
    hit = { key: stem(word), word };
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(raw, hit);
  }
  return hit;
}

/** Match key of one word ("Shoes" → "shoe"). */
export function wordKey(word: string): string {
  return keyOf(word).key;
}

/**
 * Tokens of `text` with offsets. When `newlinesBreak` is set a newline is a hard gap (use it for
 * htmlToText output, where newlines are block boundaries); in raw HTML text nodes it is just space.
 */
export function tokenize(text: string, newlinesBreak = false): WordToken[] {
  const tokens: WordToken[] = [];
  const hard = newlinesBreak ? HARD_GAP_NL : HARD_GAP;
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const { key, word } = keyOf(raw);
    const joinable = tokens.length > 0 && !hard.test(text.slice(prevEnd, start));
    tokens.push({ key, word, start, end: start + raw.length, joinable });
    prevEnd = start + raw.length;
  }
  return tokens;
}

/** Stemmed key of a phrase: "Best Trail-Shoes" → "best trail shoe". Empty when it has no words. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).map((t) => t.key).join(" ");
}

/** Function words ("the", "for", …) — never the first or last word of an anchor. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Intent / commerce / question words ("best", "buy", "how", "guide"…), years and bare numbers. */
export function isModifierWord(word: string): boolean {
  return WEAK_MODIFIERS.has(word) || isYear(word) || /^\d+$/.test(word);
}

/** A word that carries topic meaning: not a stop word, modifier, year or number. */
export function isContentWord(word: string): boolean {
  return !isStopWord(word) && !isModifierWord(word);
}

/**
 * Occurrences of `phraseKeys` (a key sequence) in `tokens`, non-overlapping, left to right.
 * Tokens of one occurrence must be joinable (no clause punctuation between them).
 */
export function findPhrase(tokens: readonly WordToken[], phraseKeys: readonly string[]): { first: number; last: number }[] {
  const found: { first: number; last: number }[] = [];
  const n = phraseKeys.length;
  if (n === 0) return found;
  for (let i = 0; i + n <= tokens.length; i++) {
    if (tokens[i].key !== phraseKeys[0]) continue;
    let ok = true;
    for (let k = 1; k < n; k++) {
      const t = tokens[i + k];
      if (t.key !== phraseKeys[k] || !t.joinable) {
        ok = false;
        break;
      }
    }
    if (ok) {
      found.push({ first: i, last: i + n - 1 });
      i += n - 1;
    }
  }
  return found;
}
