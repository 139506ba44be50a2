import { GRADING_WORDS, INTENT_SIGNALS, LISTICLE_WORDS, PAGE_DEFINING, TASK_VERBS, isYear } from "./lexicon";
import { stem, tokenizeKeyword, type KeywordTokens } from "./tokenize";
import type { Intent } from "./types";

const PAGE_DEFINING_STEMS: ReadonlySet<string> = new Set([...PAGE_DEFINING].map(stem));
const TASK_VERB_STEMS: ReadonlySet<string> = new Set([...TASK_VERBS].flat().map(stem));

/** Tunables of the vector space. Exported so the README, tests and benchmark can refer to them. */
export const WEIGHTS = {
  /** Weak modifiers count this much of their IDF weight. */
  weak: 0.25,
  /** Ordered content bigrams ("flat feet") count this much of their IDF weight. */
  bigram: 0.5,
  /**
   * IDF is ln(1 + N / max(df, minDf)): tokens seen fewer than minDf times all get the same, maximum
   * weight, so a one-off word (typo, model number, rare synonym) cannot outweigh the shared topic words.
   */
  minDf: 5,
} as const;

export const FEATURE_CONTENT = 0;
export const FEATURE_WEAK = 1;
export const FEATURE_BIGRAM = 2;
/** A weak modifier that still makes a page of its own ("for beginners", "free", "near me"): weighted as weak, but counts as a refinement (cluster.ts). */
export const FEATURE_REFINER = 3;

/**
 * Sparse, L2-normalised TF-IDF-style vectors for every keyword, stored CSR-style:
 * keyword i owns features[offsets[i] .. offsets[i+1]) (sorted ascending) and the matching weights.
 */
export type VectorSpace = {
  size: number;
  offsets: Int32Array;
  features: Int32Array;
  weights: Float64Array;
  /** FEATURE_* per feature id. */
  kinds: Uint8Array;
  /** Document frequency per feature id. */
  df: Int32Array;
  /** For bigram feature f: the content feature ids of its two words at [2f] and [2f+1] (-1 otherwise). */
  bigramParts: Int32Array;
  inferredIntents: (Intent | null)[];
  /** 1 where the keyword is a comparison ("x vs y"). */
  comparison: Uint8Array;
  /** 1 where the keyword is a listicle or review query ("best x", "x reviews"). */
  listicle: Uint8Array;
  /** 1 where the keyword is a question ("how …", "why …", "are …"). */
  question: Uint8Array;
  /** Content feature id of the keyword's "how to" task verb, or -1. */
  task: Int32Array;
  /** 1 for a content feature that is one of the task verbs asking the same how-to ("boost" / "increase", lexicon TASK_VERBS). */
  taskVerb: Uint8Array;
  /** Content feature id of the keyword's last content word, the head noun of a compound ("system" of "crm system"), or -1. */
  lastContent: Int32Array;
  /** Id of what the keyword asks (tokenize.ts questionFrame; equal ids = same question), or -1. */
  questionFrame: Int32Array;
};

/** Builds the vectors. `texts` must already be in canonical order (feature ids then follow that order). */
export function buildVectorSpace(texts: readonly string[], onItem?: (i: number) => void): VectorSpace {
  const n = texts.length;
  const vocab = new Map<string, number>();
  const kindList: number[] = [];
  const taskVerbList: number[] = [];
  const dfList: number[] = [];
  const offsets = new Int32Array(n + 1);
  const rawFeatures: number[] = [];
  const inferredIntents: (Intent | null)[] = new Array(n);
  const comparison = new Uint8Array(n);
  const listicle = new Uint8Array(n);
  const task = new Int32Array(n).fill(-1);
  const question = new Uint8Array(n);
  const lastContent = new Int32Array(n).fill(-1);
  const questionFrame = new Int32Array(n).fill(-1);
  const frameIds = new Map<string, number>();

  const parts: number[] = [];
  const idOf = (key: string, kind: number, left = -1, right = -1, verb = false): number => {
    let id = vocab.get(key);
    if (id === undefined) {
      id = kindList.length;
      vocab.set(key, id);
      kindList.push(kind);
      taskVerbList.push(verb ? 1 : 0);
      dfList.push(0);
      parts.push(left, right);
    }
    return id;
  };

  // Closed compounds written open elsewhere in the list ("helpdesk" / "help desk", "cashback" / "cash back")
  // become the two words, so both spellings share their tokens.
  const tokenized = texts.map((t) => tokenizeKeyword(t));
  const open = new Map<string, [string, string]>();
  for (const t of tokenized) {
    for (const j of t.joined) if (!open.has(j)) open.set(j, splitJoined(t.contentWords, j));
  }

  const pageModifiers = recurringModifiers(tokenized);
  for (let i = 0; i < n; i++) {
    const tokens = tokenized[i];
    inferredIntents[i] = tokens.inferredIntent;
    comparison[i] = tokens.comparison ? 1 : 0;
    listicle[i] = tokens.listicle ? 1 : 0;
    question[i] = tokens.question ? 1 : 0;
    if (tokens.questionFrame !== null) {
      let id = frameIds.get(tokens.questionFrame);
      if (id === undefined) frameIds.set(tokens.questionFrame, (id = frameIds.size));
      questionFrame[i] = id;
    }
    const own = open.size > 0 ? openCompounds(tokens.content, tokens.contentWords, open) : tokens.content;
    // A keyword made only of weak words ("best deals") still needs a topic: promote them to content.
    const content = own.length > 0 ? own : tokens.weak;
    const weak = own.length > 0 ? tokens.weak : [];
    const ids: number[] = [];
    const contentIds = content.map((c) => idOf("c\u0001" + c, FEATURE_CONTENT, -1, -1, TASK_VERB_STEMS.has(c)));
    ids.push(...contentIds);
    if (own.length > 0) lastContent[i] = contentIds[contentIds.length - 1];
    let topic: string | undefined;
    for (const w of weak) {
      // A modifier the list makes a page of ("online savings accounts") has its own feature: "credit cards online" keeps the weak one.
      if (pageModifiers.size > 0 && pageModifiers.has(modifierKey(w, (topic ??= topicKey(tokens))))) ids.push(idOf("r\u0001" + w, FEATURE_REFINER));
      else ids.push(idOf("w\u0001" + w, PAGE_DEFINING_STEMS.has(w) ? FEATURE_REFINER : FEATURE_WEAK));
    }
    if (own.length > 0) for (const w of tokens.frame) ids.push(idOf("q\u0001" + w, FEATURE_REFINER));
    for (let k = 0; k + 1 < content.length; k++) {
      ids.push(idOf("b\u0001" + content[k] + "\u0001" + content[k + 1], FEATURE_BIGRAM, contentIds[k], contentIds[k + 1]));
    }
    if (tokens.task !== null) task[i] = vocab.get("c\u0001" + tokens.task) ?? -1;
    const unique = Array.from(new Set(ids)).sort((a, b) => a - b);
    for (const id of unique) {
      dfList[id]++;
      rawFeatures.push(id);
    }
    offsets[i + 1] = rawFeatures.length;
    onItem?.(i);
  }

  const features = Int32Array.from(rawFeatures);
  const kinds = Uint8Array.from(kindList);
  const df = Int32Array.from(dfList);
  const weights = new Float64Array(features.length);
  const idf = new Float64Array(df.length);
  for (let f = 0; f < df.length; f++) {
    const factor = kinds[f] === FEATURE_WEAK || kinds[f] === FEATURE_REFINER ? WEIGHTS.weak : kinds[f] === FEATURE_BIGRAM ? WEIGHTS.bigram : 1;
    idf[f] = factor * Math.log(1 + n / Math.max(df[f], WEIGHTS.minDf));
  }
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const w = idf[features[p]];
      weights[p] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let p = offsets[i]; p < offsets[i + 1]; p++) weights[p] /= norm;
  }
  return { size: n, offsets, features, weights, kinds, df, bigramParts: Int32Array.from(parts), inferredIntents, comparison, listicle, question, task, taskVerb: Uint8Array.from(taskVerbList), lastContent, questionFrame };
}

const MIN_MODIFIER_PAGE = 3;
/** Weak words that always say what kind of page it is (intent, listicle, grade, "free" …), or a year: never a page of their own here. */
const MARKER_STEMS: ReadonlySet<string> = new Set(
  [...Object.values(INTENT_SIGNALS).flatMap((set) => [...set]), ...LISTICLE_WORDS, ...GRADING_WORDS, ...PAGE_DEFINING].map(stem),
);
const topicKey = (t: KeywordTokens) => [...t.content].sort().join(" ");
const modifierKey = (modifier: string, topic: string) => modifier + "\u0001" + topic;

/**
 * Weak modifiers that make a page in this list: a word that marks no kind of page ("online", not MARKER_STEMS)
 * and recurs with the same topic words in MIN_MODIFIER_PAGE or more keywords that ask no question ("online
 * savings accounts", "best online savings accounts", "online savings accounts reviews"). Keys are modifierKey.
 */
function recurringModifiers(tokenized: readonly KeywordTokens[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of tokenized) {
    if (t.question || t.questionFrame !== null || t.content.length === 0) continue;
    let topic: string | undefined;
    for (const w of t.weak) {
      if (MARKER_STEMS.has(w) || isYear(w)) continue;
      const key = modifierKey(w, (topic ??= topicKey(t)));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, c]) => c >= MIN_MODIFIER_PAGE).map(([key]) => key));
}

/** The two adjacent words of `words` whose concatenation is `joined`. */
function splitJoined(words: readonly string[], joined: string): [string, string] {
  for (let k = 0; k + 1 < words.length; k++) if (words[k] + words[k + 1] === joined) return [words[k], words[k + 1]];
  // The words were not adjacent among the distinct content words (a repeated word): split by prefix.
  for (const w of words) if (joined.startsWith(w) && joined.length > w.length) return [w, joined.slice(w.length)];
  return [joined, joined];
}

const MIN_COMPOUND_LENGTH = 6;
/** A closed word the list also writes open: a compound of 6+ letters ("helpdesk"), or any code with a digit ("5w30" / "5w-30"). */
const opensUp = (word: string) => word.length >= MIN_COMPOUND_LENGTH || (word.length >= 3 && /\d/.test(word));

/** Content stems with every closed compound known in its open form replaced by the two stems. */
function openCompounds(content: string[], words: readonly string[], open: ReadonlyMap<string, [string, string]>): string[] {
  if (!words.some((w) => opensUp(w) && open.has(w))) return content;
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const parts = opensUp(words[k]) ? open.get(words[k]) : undefined;
    for (const s of parts ? parts.map(stem) : [content[k]]) if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Cosine similarity of two keywords (vectors are unit length, so this is a sparse dot product). */
export function cosine(space: VectorSpace, a: number, b: number): number {
  const { offsets, features, weights } = space;
  let p = offsets[a];
  const pe = offsets[a + 1];
  let q = offsets[b];
  const qe = offsets[b + 1];
  let dot = 0;
  while (p < pe && q < qe) {
    const fp = features[p];
    const fq = features[q];
    if (fp === fq) {
      dot += weights[p++] * weights[q++];
    } else if (fp < fq) p++;
    else q++;
  }
  return dot;
}

/** Penalty when two groups' dominant intents are known and differ (but are not in hard conflict). */
export const INTENT_MISMATCH_PENALTY = 0.5;

/** Penalty when one group is mostly comparisons ("x vs y") and the other mostly not. */
export const SHAPE_MISMATCH_PENALTY = 0.5;

export const isCommerce = (intent: Intent | null): boolean => intent === "commercial" || intent === "transactional";

/**
 * Multiplier applied to the similarity of two groups given their dominant intents:
 * 1 when equal or either unknown, 0 for informational vs commercial/transactional (never merged),
 * INTENT_MISMATCH_PENALTY otherwise (commercial vs transactional, navigational vs anything).
 */
export function intentCompatibility(a: Intent | null, b: Intent | null): number {
  if (a === null || b === null || a === b) return 1;
  if ((a === "informational" && isCommerce(b)) || (b === "informational" && isCommerce(a))) return 0;
  return INTENT_MISMATCH_PENALTY;
}
