import { Parser } from "htmlparser2";
import { DROPPED_TAGS } from "@/lib/content";

/**
 * A read-only model of an article's visible text that keeps every text node's position in the
 * original HTML, so links can be inserted by splicing the source string (everything outside the
 * inserted `<a>` tags — entities, attributes, whitespace — stays byte-for-byte the same).
 *
 * `flat` is the visible text: decoded text nodes in document order; inline tags add nothing
 * (`<p>Buy <strong>trail</strong> shoes</p>` → "Buy trail shoes"), every other tag adds a
 * BLOCK_SEPARATOR so words never join across blocks, images or `<br>` (it is not whitespace, so
 * an anchor regex cannot match across it). Hidden content (script, style, … — lib/content
 * DROPPED_TAGS) is not part of it.
 */

/** Separates blocks in `flat`: a control character, neither whitespace nor a word character. */
export const BLOCK_SEPARATOR = "\u001e";

/** Inline formatting: does not separate words in the visible text. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small",
  "q", "cite", "code", "kbd", "samp", "var", "span", "abbr", "time", "dfn", "bdi", "bdo", "wbr",
]);
const HEADING_TAGS: ReadonlySet<string> = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const CODE_TAGS: ReadonlySet<string> = new Set(["code", "pre", "kbd", "samp"]);

/** One text event: a literal run (raw === decoded) or one entity reference. */
type Chunk = { flat0: number; flat1: number; raw0: number; raw1: number; entity: boolean };

export type TextNode = {
  /** Offsets in `flat` (end exclusive). */
  start: number;
  end: number;
  chunks: Chunk[];
  /** Why links may not go here, or null when they may. */
  blocked: string | null;
};

export type TextModel = {
  html: string;
  flat: string;
  nodes: TextNode[];
  /** href of every `<a>` in the document (decoded). */
  hrefs: string[];
  /** `<a data-link-id>` elements already present (links the linker inserted earlier). */
  linkerLinks: number;
};

export function buildTextModel(html: string): TextModel {
  const flatParts: string[] = [];
  let flatLength = 0;
  let lastChar = BLOCK_SEPARATOR;
  const nodes: TextNode[] = [];
  const hrefs: string[] = [];
  let linkerLinks = 0;
  let current: TextNode | null = null;
  let hidden = 0;
  let heading = 0;
  let anchor = 0;
  let code = 0;

  const endNode = () => {
    current = null;
  };
  const boundary = (tag: string) => {
    endNode();
    if (!INLINE_TAGS.has(tag) && lastChar !== BLOCK_SEPARATOR) {
      flatParts.push(BLOCK_SEPARATOR);
      flatLength++;
      lastChar = BLOCK_SEPARATOR;
    }
  };
  const blockedReason = (): string | null =>
    heading ? "inside a heading" : anchor ? "inside an existing link" : code ? "inside code" : null;

  const parser: Parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (hidden || DROPPED_TAGS.has(tag)) {
          hidden++;
          endNode();
          return;
        }
        boundary(tag);
        if (HEADING_TAGS.has(tag)) heading++;
        else if (CODE_TAGS.has(tag)) code++;
        else if (tag === "a") {
          anchor++;
          if (attribs.href !== undefined) hrefs.push(attribs.href);
          if (attribs["data-link-id"] !== undefined) linkerLinks++;
        }
      },
      onclosetag(tag) {
        if (hidden) {
          hidden--;
          endNode();
          return;
        }
        boundary(tag);
        if (HEADING_TAGS.has(tag)) heading--;
        else if (CODE_TAGS.has(tag)) code--;
        else if (tag === "a") anchor--;
      },
      ontext(text) {
        if (hidden || text.length === 0) return;
        const raw0 = parser.startIndex;
        const raw1 = parser.endIndex + 1;
        if (current === null) {
          current = { start: flatLength, end: flatLength, chunks: [], blocked: blockedReason() };
          nodes.push(current);
        }
        const entity = raw1 - raw0 !== text.length || html.slice(raw0, raw1) !== text;
        current.chunks.push({ flat0: flatLength, flat1: flatLength + text.length, raw0, raw1, entity });
        flatParts.push(text);
        flatLength += text.length;
        current.end = flatLength;
        lastChar = text[text.length - 1];
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { html, flat: flatParts.join(""), nodes, hrefs, linkerLinks };
}

/** The text node holding flat range [start, end), or null when the range spans nodes or gaps. */
export function nodeAt(model: TextModel, start: number, end: number): TextNode | null {
  const { nodes } = model;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid];
    if (n.end <= start) lo = mid + 1;
    else if (n.start > start) hi = mid - 1;
    else return end <= n.end ? n : null;
  }
  return null;
}

/**
 * Raw HTML offsets for flat range [start, end) inside `node`, or null when a boundary falls
 * inside an entity reference (e.g. half of a decoded surrogate pair).
 */
export function rawRange(node: TextNode, start: number, end: number): { raw0: number; raw1: number } | null {
  let raw0 = -1;
  let raw1 = -1;
  for (const c of node.chunks) {
    if (raw0 < 0 && start >= c.flat0 && start < c.flat1) {
      if (c.entity && start !== c.flat0) return null;
      raw0 = c.entity ? c.raw0 : c.raw0 + (start - c.flat0);
    }
    if (end > c.flat0 && end <= c.flat1) {
      if (c.entity && end !== c.flat1) return null;
      raw1 = c.entity ? c.raw1 : c.raw0 + (end - c.flat0);
      break;
    }
  }
  return raw0 >= 0 && raw1 >= raw0 ? { raw0, raw1 } : null;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const regexCache = new Map<string, RegExp>();

/**
 * Regex for `anchorText` in visible text: exact characters (case-sensitive), any run of
 * whitespace (incl. &nbsp;) matching any other, and word boundaries on both sides.
 */
export function anchorRegex(anchorText: string): RegExp {
  let re = regexCache.get(anchorText);
  if (!re) {
    const body = anchorText.trim().replace(REGEX_SPECIAL, "\\$&").replace(/\s+/g, "\\s+");
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu");
    if (regexCache.size > 5_000) regexCache.clear();
    regexCache.set(anchorText, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Flat range of the `occurrence`-th (0-based) match of `anchorText` in the visible text. */
export function findOccurrence(flat: string, anchorText: string, occurrence: number): { start: number; end: number } | null {
  if (!anchorText.trim() || !Number.isInteger(occurrence) || occurrence < 0) return null;
  const re = anchorRegex(anchorText);
  let n = 0;
  for (let m = re.exec(flat); m !== null; m = re.exec(flat)) {
    if (n === occurrence) return { start: m.index, end: m.index + m[0].length };
    n++;
  }
  return null;
}

/** Which occurrence of `anchorText` the match at flat `start..end` is, or null if it is not one. */
export function occurrenceAt(flat: string, anchorText: string, start: number, end: number): number | null {
  const re = anchorRegex(anchorText);
  let n = 0;
  for (let m = re.exec(flat); m !== null; m = re.exec(flat)) {
    if (m.index === start) return m.index + m[0].length === end ? n : null;
    if (m.index > start) return null;
    n++;
  }
  return null;
}

/** About `width` characters of the block around [start, end), whitespace collapsed, "…" where cut. */
export function contextAround(flat: string, start: number, end: number, width = 120): string {
  const blockStart = flat.lastIndexOf(BLOCK_SEPARATOR, start - 1) + 1;
  const nl = flat.indexOf(BLOCK_SEPARATOR, end);
  const blockEnd = nl === -1 ? flat.length : nl;
  const room = Math.max(0, width - (end - start));
  let a = start - Math.floor(room / 2);
  let b = end + Math.ceil(room / 2);
  if (a < blockStart) {
    b = Math.min(blockEnd, b + (blockStart - a));
    a = blockStart;
  }
  if (b > blockEnd) {
    a = Math.max(blockStart, a - (b - blockEnd));
    b = blockEnd;
  }
  // Snap to word boundaries.
  if (a > blockStart) {
    const space = flat.slice(a, start).search(/\s/);
    if (space >= 0) a += space + 1;
  }
  if (b < blockEnd) {
    const tail = flat.slice(end, b);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) b = end + space;
  }
  const text = flat.slice(a, b).replace(/\s+/g, " ").trim();
  return `${a > blockStart ? "…" : ""}${text}${b < blockEnd ? "…" : ""}`;
}
