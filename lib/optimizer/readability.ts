/**
 * Readability measures for prose blocks (paragraphs, list items, cells — never headings or code):
 * sentence lengths and the Flesch reading ease
 *   206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
 * with a heuristic English syllable counter. Flesch is only meaningful for English; `english`
 * says whether the text looks English (share of common English function words).
 */

export type Readability = {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch reading ease clamped to 0–100 (0 when there is no text). */
  readingEase: number;
  avgSentenceLength: number;
  /** Sentences longer than LONG_SENTENCE_WORDS. */
  longSentences: number;
  english: boolean;
};

export const LONG_SENTENCE_WORDS = 25;

const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  "the a an and or of to in on at for with by from is are was were be been it its this that these those you your we our they their he she his her as if but not can will do does have has".split(" "),
);

/** Sentence ends: . ! ? … (optionally followed by closing quotes/brackets) then whitespace. */
const SENTENCE_END = /(?<=[.!?…])["'”’)\]]*\s+/;
const HAS_WORD = /[\p{L}\p{N}]/u;
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

const syllableCache = new Map<string, number>();

/** Heuristic English syllable count (vowel groups, silent final e / -es / -ed). At least 1. */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 1; // numbers and non-Latin words: one unit
  if (w.length <= 3) return 1;
  const hit = syllableCache.get(w);
  if (hit !== undefined) return hit;
  const key = w;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  const groups = w.match(/[aeiouy]+/g);
  const n = Math.max(1, groups ? groups.length : 0);
  if (syllableCache.size > 50_000) syllableCache.clear();
  syllableCache.set(key, n);
  return n;
}

export function fleschReadingEase(words: number, sentences: number, syllableCount: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllableCount / words);
}

/** Measures prose `blocks` (each block ends a sentence). */
export function measureReadability(blocks: readonly string[]): Readability {
  let sentences = 0;
  let words = 0;
  let syllableCount = 0;
  let longSentences = 0;
  let functionWords = 0;
  for (const block of blocks) {
    for (const sentence of block.split(SENTENCE_END)) {
      let n = 0;
      for (const raw of sentence.split(/\s+/)) {
        if (!HAS_WORD.test(raw)) continue;
        n++;
        const w = raw.replace(EDGE_PUNCT, "");
        syllableCount += syllables(w);
        if (ENGLISH_FUNCTION_WORDS.has(w.toLowerCase())) functionWords++;
      }
      if (n === 0) continue;
      sentences++;
      words += n;
      if (n > LONG_SENTENCE_WORDS) longSentences++;
    }
  }
  const ease = fleschReadingEase(words, sentences, syllableCount);
  return {
    sentences,
    words,
    syllables: syllableCount,
    readingEase: words ? Math.min(100, Math.max(0, ease)) : 0,
    avgSentenceLength: sentences ? words / sentences : 0,
    longSentences,
    // Typical English prose has 25–40 % function words; short texts get the benefit of the doubt.
    english: words < 30 || functionWords / words >= 0.12,
  };
}
