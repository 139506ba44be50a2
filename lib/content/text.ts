import { Parser } from "htmlparser2";
import { slugify } from "@/lib/utils/slug";
import { DROPPED_TAGS } from "./sanitize";

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export interface Heading {
  level: HeadingLevel;
  text: string;
}

/** Blocks separated from their surroundings by a blank line. */
const PARAGRAPH_BLOCKS: ReadonlySet<string> = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
  "figure", "section", "article", "aside", "header", "footer", "nav", "details", "main", "address", "hr",
]);
/** Blocks that start on a new line. */
const LINE_BLOCKS: ReadonlySet<string> = new Set([
  "div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "thead", "tbody", "tfoot", "picture",
]);
const CELLS: ReadonlySet<string> = new Set(["td", "th"]);
const HEADING_TAGS: ReadonlySet<string> = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Visible text of `html`: block elements become line breaks (paragraph-level blocks a blank
 * line), `<br>` a newline, table cells a tab; whitespace collapsed outside `<pre>`; entities
 * decoded. Content of dropped elements (script, style, head, …) is not visible text.
 */
export function htmlToText(html: string): string {
  return toText(html);
}

function toText(html: string, skip?: ReadonlySet<string>): string {
  const parts: string[] = [];
  let last = "\n"; // last character written ("\n" at start so leading spaces are dropped)
  let pendingBreaks = 0;
  let hidden = 0;
  let pre = 0;
  let cellInRow = 0;

  const isSpace = (c: string) => c === " " || c === "\n" || c === "\t";
  const trimTrailingSpace = () => {
    if (last === " ") {
      parts[parts.length - 1] = parts[parts.length - 1].replace(/ +$/, "");
      last = parts[parts.length - 1].slice(-1) || "\n";
    }
  };
  const requestBreak = (n: number) => {
    if (parts.length) pendingBreaks = Math.max(pendingBreaks, n);
  };
  const flushBreaks = () => {
    if (!pendingBreaks) return;
    trimTrailingSpace();
    parts.push("\n".repeat(pendingBreaks));
    last = "\n";
    pendingBreaks = 0;
  };
  const write = (raw: string) => {
    let text = pre ? raw : raw.replace(/\s+/g, " ");
    if (!text) return;
    if (!pre && text === " ") {
      // Inter-element whitespace: never forces a pending break out, never doubles a space.
      if (pendingBreaks || isSpace(last)) return;
      parts.push(" ");
      last = " ";
      return;
    }
    flushBreaks();
    if (!pre && text[0] === " " && isSpace(last)) text = text.slice(1);
    parts.push(text);
    last = text[text.length - 1];
  };

  const parser = new Parser(
    {
      onopentag(tag) {
        if (hidden || DROPPED_TAGS.has(tag) || skip?.has(tag)) {
          hidden++;
          return;
        }
        if (PARAGRAPH_BLOCKS.has(tag)) requestBreak(2);
        else if (LINE_BLOCKS.has(tag)) requestBreak(1);
        if (tag === "pre") pre++;
        if (tag === "tr") cellInRow = 0;
        if (CELLS.has(tag) && cellInRow++ > 0) {
          flushBreaks();
          trimTrailingSpace();
          parts.push("\t");
          last = "\t";
        }
      },
      onclosetag(tag) {
        if (hidden) {
          hidden--;
          return;
        }
        if (tag === "br") {
          // A <br> always produces a line break, even several in a row.
          flushBreaks();
          trimTrailingSpace();
          parts.push("\n");
          last = "\n";
          return;
        }
        if (tag === "pre") pre--;
        if (PARAGRAPH_BLOCKS.has(tag)) requestBreak(2);
        else if (LINE_BLOCKS.has(tag)) requestBreak(1);
      },
      ontext(text) {
        if (!hidden) write(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html.replace(/\r\n?/g, "\n"));

  return parts
    .join("")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Scripts written without spaces between words; segmented with Intl.Segmenter when available. */
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
let segmenter: Intl.Segmenter | null | undefined;

function countUnspaced(token: string): number {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  }
  if (!segmenter) return 1;
  let n = 0;
  for (const s of segmenter.segment(token)) if (s.isWordLike) n++;
  return Math.max(n, 1);
}

/** Words in plain text. See countWords. */
export function countWordsInText(text: string): number {
  let count = 0;
  const rest = text.replace(/\u30fc/g, "").replace(CJK, () => {
    count++;
    return " ";
  });
  // Whitespace, dashes used as punctuation, slashes and ellipses separate words; hyphens,
  // apostrophes and digit separators inside a token do not ("state-of-the-art", "don't", "1,000").
  for (const token of rest.split(/[\s\u2013\u2014\u2015/\\|…]+|-{2,}|\.{3,}/)) {
    if (!HAS_WORD_CHAR.test(token)) continue;
    count += UNSPACED.test(token) ? countUnspaced(token) : 1;
  }
  return count;
}

/**
 * Words in the visible text of `html`. A word is a whitespace-delimited token containing a
 * letter or digit (so "state-of-the-art", "don't", "3.5", "1,000" are one word each and lone
 * punctuation is none); em/en dashes, slashes and ellipses also separate words. Han, Hiragana
 * and Katakana characters count one each; Thai, Lao, Khmer and Myanmar use Intl.Segmenter.
 * Hangul and other space-delimited scripts are counted by spaces.
 */
export function countWords(html: string): number {
  return countWordsInText(htmlToText(html));
}

/**
 * A plain-text excerpt of at most `maxChars` characters (including the trailing "…"), cut at a
 * word boundary when one is reasonably close. Headings are skipped (the excerpt is meant for
 * meta descriptions and previews) unless the content has nothing else.
 */
export function excerpt(html: string, maxChars = 160): string {
  const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
  const text = collapse(toText(html, HEADING_TAGS)) || collapse(toText(html));
  if (text.length <= maxChars) return text;
  if (maxChars < 2) return maxChars === 1 ? "…" : "";
  const limit = maxChars - 1; // room for the ellipsis
  let cut: string;
  if (text[limit] === " ") {
    cut = text.slice(0, limit);
  } else {
    const space = text.lastIndexOf(" ", limit);
    cut = space >= limit * 0.6 ? text.slice(0, space) : text.slice(0, limit);
  }
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  cut = cut.replace(/[\s,;:.!?\-\u2013\u2014(\[{"'\u201c\u2018]+$/u, "");
  return `${cut}…`;
}

/** Headings h1–h6 in document order with their visible text (empty headings are skipped). */
export function headings(html: string): Heading[] {
  const result: Heading[] = [];
  let current: { level: HeadingLevel; text: string } | null = null;
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(tag) {
        if (hidden || DROPPED_TAGS.has(tag)) {
          hidden++;
          return;
        }
        if (HEADING_TAGS.has(tag)) current = { level: Number(tag[1]) as HeadingLevel, text: "" };
        else if (current && tag === "br") current.text += " ";
      },
      onclosetag(tag) {
        if (hidden) {
          hidden--;
          return;
        }
        if (current && HEADING_TAGS.has(tag)) {
          const text = current.text.replace(/\s+/g, " ").trim();
          if (text) result.push({ level: current.level, text });
          current = null;
        }
      },
      ontext(text) {
        if (!hidden && current) current.text += text;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return result;
}

const TRANSLITERATE: Readonly<Record<string, string>> = {
  ß: "ss", æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", ø: "o", Ø: "o", ł: "l", Ł: "l", đ: "d", Đ: "d", ð: "d", þ: "th", Þ: "th",
};

/**
 * URL slug for an article title: "Tips & Tricks: Don't Panic!" → "tips-and-tricks-dont-panic".
 * ASCII only (same rules and default length as lib/utils/slug.ts); returns "" for titles with
 * no Latin letters or digits, so callers should fall back to something else.
 */
export function slugifyTitle(title: string, maxLength = 60): string {
  const prepared = title
    .replace(/&/g, " and ")
    .replace(/['\u2019\u2018`]/g, "")
    .replace(/[ßæÆœŒøØłŁđĐðþÞ]/g, (c) => TRANSLITERATE[c] ?? c);
  return slugify(prepared, maxLength);
}
