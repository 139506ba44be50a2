import render from "dom-serializer";
import type { ChildNode, Element } from "domhandler";
import { findOne } from "domutils";
import { parseDocument } from "htmlparser2";
import { Marked } from "marked";
import { sanitizeHtml } from "./sanitize";
import { headings } from "./text";

export type ContentFormat = "html" | "markdown" | "text";
export interface NormalizedContent {
  html: string;
  format: ContentFormat;
}

const markdown = new Marked({ gfm: true, breaks: false });

/**
 * Turns model output (HTML fragment or document, Markdown, or plain text, possibly wrapped in a
 * ``` fence) into clean, sanitised HTML. The result always went through sanitizeHtml last.
 */
export function normalizeContent(raw: string): NormalizedContent {
  const source = stripCodeFence(raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n")).trim();
  if (!source) return { html: "", format: "text" };

  let html: string;
  const format = detectFormat(source);
  if (format === "markdown") {
    html = markdown.parse(source, { async: false });
  } else if (format === "text") {
    html = textToParagraphs(source, true);
  } else {
    html = isFullDocument(source) ? extractBody(source) : source;
  }

  html = dropEmptyParagraphs(sanitizeHtml(html));
  if (format === "html" && !BLOCK_TAG.test(html)) html = textToParagraphs(html, false);
  return { html: sanitizeHtml(html).trim(), format };
}

/** Text of the first `<h1>`, or null when there is none. */
export function extractTitle(html: string): string | null {
  return headings(html).find((h) => h.level === 1)?.text ?? null;
}

// ---------------------------------------------------------------------------------------------

const FENCE_LINE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w-]*)[ \t]*$/;
const WRAPPER_LANGS: ReadonlySet<string> = new Set(["", "html", "htm", "xhtml", "markdown", "md", "text", "txt"]);
/** Chatter around a fenced answer ("Here is your article:") is dropped if at most this long. */
const MAX_CHATTER = 300;

/**
 * Removes the ``` fence models like to wrap their whole answer in (```html, ```markdown, or a
 * bare ``` on the first line), including an unterminated one (truncated output). The first
 * fence decides: a document whose first fence is ```js is Markdown with a code block, untouched.
 */
export function stripCodeFence(text: string): string {
  const lines = text.split("\n");
  const firstContent = lines.findIndex((l) => l.trim() !== "");
  const open = lines.findIndex((l) => FENCE_LINE.test(l));
  if (open === -1) return text;
  const [, fence, rawLang] = FENCE_LINE.exec(lines[open])!;
  const lang = rawLang.toLowerCase();
  if (!WRAPPER_LANGS.has(lang) || (lang === "" && open !== firstContent)) return text;

  let close = -1;
  for (let i = lines.length - 1; i > open; i--) {
    const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(lines[i]);
    if (m && m[1][0] === fence[0] && m[1].length >= fence.length) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    // Unterminated fence: only trust it when it opens the answer.
    return open === firstContent ? lines.slice(open + 1).join("\n") : text;
  }
  const inner = lines.slice(open + 1, close);
  // A bare fence around several fenced blocks is more likely Markdown code than a wrapper.
  if (lang === "" && inner.some((l) => FENCE_LINE.test(l))) return text;
  const outside = [...lines.slice(0, open), ...lines.slice(close + 1)].join("\n").trim();
  if (outside.length > MAX_CHATTER) return text;
  return inner.join("\n");
}

const HTML_TAG = /<\/?(?:p|div|h[1-6]|ul|ol|li|dl|table|thead|tbody|tr|td|th|blockquote|pre|figure|img|br|hr|section|article|header|footer|aside|nav|strong|em|b|i|a|span|code|html|body|head)\b[^>]{0,2000}>/i;
const LEADING_TAG = /^<(?:!--|!doctype|[a-z][\w-]*[\s>/])/i;

function markdownScore(s: string): number {
  let score = 0;
  if (/^ {0,3}#{1,6}[ \t]+\S/m.test(s)) score += 2;
  if (/^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m.test(s)) score += 2;
  if ((s.match(/^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S/gm)?.length ?? 0) >= 2) score++;
  if (/\*\*[^*\n]+\*\*|__[^_\n]+__/.test(s)) score++;
  if (/!?\[[^\]\n]{1,500}\]\([^)\s]{1,2000}(?:[ \t]+"[^"\n]{0,500}")?\)/.test(s)) score++;
  if (/^ {0,3}(?:```|~~~)/m.test(s)) score++;
  if (/^ {0,3}>[ \t]?\S/m.test(s)) score++;
  return score;
}

/** HTML if it starts with a tag; otherwise Markdown if it has Markdown syntax; otherwise HTML if it has tags; else text. */
export function detectFormat(s: string): ContentFormat {
  const hasTags = HTML_TAG.test(s) || isFullDocument(s);
  if (hasTags && LEADING_TAG.test(s.trimStart())) return "html";
  if (markdownScore(s) > 0) return "markdown";
  return hasTags ? "html" : "text";
}

function isFullDocument(s: string): boolean {
  return /<!doctype[\s>]|<html[\s>]|<body[\s>]/i.test(s);
}

function extractBody(source: string): string {
  const doc = parseDocument(source);
  const isElement = (name: string) => (node: Element) => node.name === name;
  const body = findOne(isElement("body"), doc.children, true);
  if (body) return render(body.children);
  const root = findOne(isElement("html"), doc.children, true);
  const nodes: ChildNode[] = root ? root.children : doc.children;
  return render(nodes.filter((n) => !(n.type === "tag" && (n as Element).name === "head")));
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Blank-line separated paragraphs; single newlines become <br>. */
function textToParagraphs(text: string, escape: boolean): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const lines = block.split("\n").map((l) => (escape ? escapeHtml(l.trim()) : l.trim()));
      return `<p>${lines.join("<br>")}</p>`;
    })
    .join("\n");
}

// Both run on sanitizeHtml output, whose shape is canonical: lowercase tags, double-quoted
// attribute values with `>` and newlines escaped.
const EMPTY_PARAGRAPH = /<p(?: [^>]*)?>(?:\s|&nbsp;|<br>)*<\/p>\n?/g;
const BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|dl|table|blockquote|pre|figure|section|article|aside|header|footer|nav|details|hr)[ >]/;

function dropEmptyParagraphs(html: string): string {
  return html.replace(EMPTY_PARAGRAPH, "");
}
