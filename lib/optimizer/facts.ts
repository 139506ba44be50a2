import { Parser } from "htmlparser2";
import { DROPPED_TAGS, countWordsInText, headings, htmlToText, type Heading } from "@/lib/content";
import { findPhrase, isContentWord, tokenize, type WordToken } from "@/lib/linker/tokens";
import { hostKey, urlKey } from "@/lib/linker/urls";
import { measureReadability, type Readability } from "./readability";

/**
 * Everything the checks need, extracted once: three linear passes over the HTML
 * (lib/content htmlToText and headings, plus one for blocks, links and images).
 */

const HEADING_TAGS: ReadonlySet<string> = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Elements whose own text forms a block (paragraph, item, cell…). */
const TEXT_BLOCKS: ReadonlySet<string> = new Set([
  "p", "li", "dt", "dd", "td", "th", "blockquote", "figcaption", "caption", "div", "section", "article", "aside",
  "header", "footer", "nav", "details", "summary", "pre", "ul", "ol", "dl", "table", "tr", "figure",
  "h1", "h2", "h3", "h4", "h5", "h6",
]);

export type Block = { tag: string; text: string; words: number };
export type LinkFact = { href: string; kind: "internal" | "external" };
export type ImageFact = { alt: string };

/** A keyword ready for matching. */
export type Keyword = { text: string; keys: string[]; contentKeys: string[] };

export type Facts = {
  text: string;
  tokens: WordToken[];
  wordCount: number;
  headings: Heading[];
  /** Prose blocks in document order (no headings, no code). */
  blocks: Block[];
  paragraphs: Block[];
  links: LinkFact[];
  images: ImageFact[];
  readability: Readability;
};

export function keywordOf(text: string): Keyword | null {
  const trimmed = (text ?? "").trim();
  const tokens = tokenize(trimmed);
  if (tokens.length === 0) return null;
  const content = tokens.filter((t) => isContentWord(t.word)).map((t) => t.key);
  return { text: trimmed.replace(/\s+/g, " "), keys: tokens.map((t) => t.key), contentKeys: content.length ? content : tokens.map((t) => t.key) };
}

/** Case-insensitive, plural/stem-tolerant phrase test. */
export function hasPhrase(textOrTokens: string | readonly WordToken[], kw: Keyword): boolean {
  const tokens = typeof textOrTokens === "string" ? tokenize(textOrTokens, true) : textOrTokens;
  return findPhrase(tokens, kw.keys).length > 0;
}

/** All topic words of the keyword appear somewhere in the text (any order). */
export function hasAllWords(textOrTokens: string | readonly WordToken[], kw: Keyword): boolean {
  const tokens = typeof textOrTokens === "string" ? tokenize(textOrTokens, true) : textOrTokens;
  const keys = new Set(tokens.map((t) => t.key));
  return kw.contentKeys.every((k) => keys.has(k));
}

export function countPhrase(tokens: readonly WordToken[], kw: Keyword): number {
  return findPhrase(tokens, kw.keys).length;
}

function classify(href: string, site: string | null): LinkFact["kind"] | null {
  const key = urlKey(href);
  if (!key) return null; // fragment, mailto:, tel:, javascript:…
  if (key.host === null) return "internal";
  return site !== null && key.host === site ? "internal" : "external";
}

export function extractFacts(html: string, siteHost?: string): Facts {
  const source = html ?? "";
  const text = htmlToText(source);
  const site = siteHost ? hostKey(siteHost) || null : null;
  const links: LinkFact[] = [];
  const images: ImageFact[] = [];
  const stack: { tag: string; parts: string[]; order: number }[] = [{ tag: "", parts: [], order: 0 }];
  const ordered: (Block & { order: number })[] = [];
  let opened = 0;
  let hidden = 0;
  let code = 0;

  const flush = ({ tag, parts, order }: { tag: string; parts: string[]; order: number }) => {
    const t = parts.join("").replace(/\s+/g, " ").trim();
    if (!t || HEADING_TAGS.has(tag) || tag === "pre") return;
    ordered.push({ tag, text: t, words: countWordsInText(t), order });
  };

  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (hidden || DROPPED_TAGS.has(tag)) {
          hidden++;
          return;
        }
        if (tag === "pre") code++;
        if (tag === "a" && attribs.href !== undefined) {
          const kind = classify(attribs.href, site);
          if (kind) links.push({ href: attribs.href, kind });
        } else if (tag === "img") {
          images.push({ alt: (attribs.alt ?? "").trim() });
        } else if (tag === "br") {
          stack[stack.length - 1].parts.push(" ");
        }
        if (TEXT_BLOCKS.has(tag)) stack.push({ tag, parts: [], order: ++opened });
        else if (tag === "img" || tag === "br") stack[stack.length - 1].parts.push(" ");
      },
      onclosetag(tag) {
        if (hidden) {
          hidden--;
          return;
        }
        if (tag === "pre") code--;
        if (TEXT_BLOCKS.has(tag) && stack.length > 1 && stack[stack.length - 1].tag === tag) {
          flush(stack.pop()!);
        }
      },
      ontext(t) {
        if (!hidden && !code) stack[stack.length - 1].parts.push(t);
      },
    },
    { decodeEntities: true },
  );
  parser.end(source);
  while (stack.length) flush(stack.pop()!);
  // Blocks in document order (a block is complete only when it closes, after its children).
  ordered.sort((a, b) => a.order - b.order);
  const blocks: Block[] = ordered.map(({ tag, text: t, words }) => ({ tag, text: t, words }));

  return {
    text,
    tokens: tokenize(text, true),
    wordCount: countWordsInText(text),
    headings: headings(source),
    blocks,
    paragraphs: blocks.filter((b) => b.tag === "p"),
    links,
    images,
    readability: measureReadability(blocks.map((b) => b.text)),
  };
}
