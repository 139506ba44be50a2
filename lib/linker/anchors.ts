import { isContentWord, tokenize, type WordToken } from "./tokens";
import type { LinkTarget } from "./types";

/**
 * Which phrases of a target can become anchor text, and how a suggestion is explained.
 *
 * Per target: the primary keyword, its "core" (leading/trailing modifiers such as best, buy,
 * 2026, review, how to… stripped: "best trail shoes 2026" → "trail shoes"), each secondary
 * keyword and its core, and phrases from the title (split at ":", "|", " - ", "(", "," …, then
 * cored and stripped of generic title words: "Trail Shoes: The Ultimate Guide" → "trail shoes").
 */

export type PhraseKind = "primary" | "primary-variant" | "secondary" | "secondary-variant" | "title";

export type TargetPhrase = {
  kind: PhraseKind;
  /** The phrase as written in the keyword / title. */
  text: string;
  /** The keyword or title it came from. */
  from: string;
  /** Stemmed match keys, one per word. */
  keys: string[];
  /** Topic words in it (not stop words / modifiers / numbers). */
  contentWords: number;
};

/** Base weight per kind: the primary keyword is the strongest signal of what a page is about. */
export const KIND_WEIGHT: Readonly<Record<PhraseKind, number>> = {
  primary: 1,
  "primary-variant": 0.92,
  secondary: 0.82,
  "secondary-variant": 0.75,
  title: 0.72,
};

export const MAX_PHRASE_WORDS = 8;

/** Words that make title fragments generic ("Everything You Need to Know", "7 Easy Steps"). */
const GENERIC_TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    "everything anything something nothing need needs know knowing ultimate complete comprehensive definitive essential " +
    "essentials easy easiest simple quick fast step steps way ways thing things reason reasons list introduction intro " +
    "overview basics beginner beginners expert experts update updated new edition part chapter faq faqs answer answers " +
    "question questions checklist cheat sheet handbook roundup picks pick tested tried ranked rank right perfect actually " +
    "really work works worth"
  ).split(" "),
);

const TITLE_SPLIT = /\s[-–—|/]\s|[:|–—()[\]!?,;]/;

function core(text: string, tokens: WordToken[], genericToo: boolean): { text: string; tokens: WordToken[] } | null {
  const kept = (t: WordToken) => isContentWord(t.word) && !(genericToo && GENERIC_TITLE_WORDS.has(t.word));
  let i = 0;
  let j = tokens.length - 1;
  while (i <= j && !kept(tokens[i])) i++;
  while (j >= i && !kept(tokens[j])) j--;
  if (i > j) return null;
  const slice = tokens.slice(i, j + 1);
  return { text: text.slice(slice[0].start, slice[slice.length - 1].end), tokens: slice };
}

function makePhrase(kind: PhraseKind, text: string, from: string, tokens: WordToken[], minContent: number, genericToo = false): TargetPhrase | null {
  if (tokens.length === 0 || tokens.length > MAX_PHRASE_WORDS) return null;
  // A phrase with clause punctuation inside can never match running text.
  for (let k = 1; k < tokens.length; k++) if (!tokens[k].joinable) return null;
  let contentWords = 0;
  for (const t of tokens) if (isContentWord(t.word) && !(genericToo && GENERIC_TITLE_WORDS.has(t.word))) contentWords++;
  if (contentWords < minContent) return null;
  // One-word anchors only for real topic words of some length ("vpn", "kayak"), never "it".
  if (tokens.length === 1 && (tokens[0].word.length < 3 || contentWords === 0)) return null;
  return { kind, text, from, keys: tokens.map((t) => t.key), contentWords };
}

/** All phrases of a target, strongest kind first, one per distinct key sequence. */
export function targetPhrases(target: LinkTarget): TargetPhrase[] {
  const out: TargetPhrase[] = [];
  const seen = new Set<string>();
  const add = (p: TargetPhrase | null) => {
    if (!p) return;
    const key = p.keys.join(" ");
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  const keyword = (kw: string, exact: PhraseKind, variant: PhraseKind) => {
    const text = kw.trim();
    if (!text) return;
    const tokens = tokenize(text);
    add(makePhrase(exact, text, text, tokens, 1));
    const c = core(text, tokens, false);
    if (c && c.tokens.length !== tokens.length) add(makePhrase(variant, c.text, text, c.tokens, 1));
  };
  keyword(target.primaryKeyword ?? "", "primary", "primary-variant");
  for (const kw of target.secondaryKeywords ?? []) keyword(kw, "secondary", "secondary-variant");
  const title = (target.title ?? "").trim();
  for (const segment of title.split(TITLE_SPLIT)) {
    const tokens = tokenize(segment);
    const c = core(segment, tokens, true);
    if (c) add(makePhrase("title", c.text, title, c.tokens, 2, true));
  }
  return out;
}

/** The stemmed keys a source's own primary keyword (and its core) use: never anchors to other pages. */
export function ownKeywordKeys(primaryKeyword: string | undefined): Set<string> {
  const keys = new Set<string>();
  const text = (primaryKeyword ?? "").trim();
  if (!text) return keys;
  const tokens = tokenize(text);
  if (tokens.length) keys.add(tokens.map((t) => t.key).join(" "));
  const c = core(text, tokens, false);
  if (c) keys.add(c.tokens.map((t) => t.key).join(" "));
  return keys;
}

/** Score factor for phrase length in topic words: longer = more specific. */
export function specificity(contentWords: number, words: number): number {
  const byContent = contentWords >= 4 ? 1 : [0, 0.7, 0.88, 0.96][contentWords];
  // A little extra for exact multi-word phrases that carry modifiers ("best trail shoes").
  return Math.min(1, byContent + Math.min(0.04, (words - contentWords) * 0.02));
}

/** Lower score when one phrase points to many pages: it says less about any one of them. */
export function ambiguity(targetsForPhrase: number): number {
  return Math.max(0.5, 1 / (1 + 0.12 * (targetsForPhrase - 1)));
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/** True when the anchor is the phrase as written, ignoring case and spacing (not a plural/stem variant). */
export function isExactForm(anchorText: string, phraseText: string): boolean {
  return collapse(anchorText).toLowerCase() === collapse(phraseText).toLowerCase();
}

export function reasonFor(phrase: TargetPhrase, anchorText: string, targetTitle: string, sameCluster: boolean): string {
  const anchor = collapse(anchorText);
  const exact = isExactForm(anchor, phrase.text);
  const title = collapse(targetTitle) || "this page";
  let text: string;
  switch (phrase.kind) {
    case "primary":
      text = exact
        ? `Mentions "${anchor}", the primary keyword of "${title}"`
        : `Mentions "${anchor}", a form of the primary keyword "${phrase.text}" of "${title}"`;
      break;
    case "primary-variant":
      text = `Mentions "${anchor}", from the primary keyword "${phrase.from}" of "${title}"`;
      break;
    case "secondary":
      text = exact
        ? `Mentions "${anchor}", a secondary keyword of "${title}"`
        : `Mentions "${anchor}", a form of the secondary keyword "${phrase.text}" of "${title}"`;
      break;
    case "secondary-variant":
      text = `Mentions "${anchor}", from the secondary keyword "${phrase.from}" of "${title}"`;
      break;
    default:
      text = `Mentions "${anchor}", the topic of "${title}"`;
  }
  return sameCluster ? `${text} (same cluster)` : text;
}
