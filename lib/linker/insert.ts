import { Parser } from "htmlparser2";
import { safeUrl } from "@/lib/content";
import { buildTextModel, findOccurrence, nodeAt, rawRange } from "./html";
import type { ApplyResult, LinkToApply } from "./types";

/**
 * Inserting and removing links by splicing the original HTML string: only `<a …>` and `</a>`
 * are added (or removed); every other byte — entities such as `&amp;`/`&nbsp;`, attributes,
 * whitespace, surrounding inline formatting — is left exactly as it was.
 *
 * An anchor must lie inside a single text node: `<p>Buy <strong>trail shoes</strong></p>` can
 * link "trail shoes" (the `<a>` goes inside the `<strong>`), but "Buy trail" crosses the
 * `<strong>` boundary and is skipped. That keeps the output well-formed without re-nesting tags.
 */

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\u00a0": "&nbsp;", "\n": "&#10;",
};
/** Same escaping as lib/content's sanitiser, so sanitizeHtml leaves our tags byte-identical. */
const escapeAttr = (s: string) => s.replace(/[&<>"\u00a0\n]/g, (c) => ATTR_ESCAPES[c]);

/** FNV-1a, 32-bit: a short deterministic id when the caller gives none. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function defaultLinkId(link: Pick<LinkToApply, "anchorText" | "occurrence" | "url">): string {
  return `lnk-${hash(`${link.url}\u0000${link.anchorText}\u0000${link.occurrence}`)}`;
}

/**
 * Wraps each link's anchor (the `occurrence`-th match of `anchorText` in the visible text, see
 * README) in `<a href="url" data-link-id="id">`. Links are taken in the given order; a link is
 * skipped (with a reason) when its anchor is not found, spans inline tags, sits in a heading /
 * existing link / code, overlaps a link inserted earlier in the same call, or its URL is unsafe.
 */
export function applyLinks(html: string, links: LinkToApply[]): ApplyResult {
  const skipped: ApplyResult["skipped"] = [];
  if (links.length === 0) return { html, applied: 0, skipped };
  const model = buildTextModel(html);
  const taken: [number, number][] = [];
  const inserts: { raw0: number; raw1: number; open: string }[] = [];
  for (const link of links) {
    const anchorText = link.anchorText ?? "";
    const skip = (reason: string) => skipped.push({ anchorText, reason });
    if (!anchorText.trim()) {
      skip("empty anchor text");
      continue;
    }
    const url = safeUrl(link.url ?? "");
    if (!url || url.startsWith("#")) {
      skip("unsafe or empty URL");
      continue;
    }
    const found = findOccurrence(model.flat, anchorText, link.occurrence);
    if (!found) {
      skip(`occurrence ${link.occurrence} of the anchor text not found`);
      continue;
    }
    const node = nodeAt(model, found.start, found.end);
    if (!node) {
      skip("anchor text spans several text nodes (crosses inline tags)");
      continue;
    }
    if (node.blocked) {
      skip(node.blocked);
      continue;
    }
    if (taken.some(([a, b]) => found.start < b && a < found.end)) {
      skip("overlaps another link in this batch");
      continue;
    }
    const raw = rawRange(node, found.start, found.end);
    if (!raw) {
      skip("anchor boundary falls inside an HTML entity");
      continue;
    }
    const id = link.linkId?.trim() || defaultLinkId(link);
    taken.push([found.start, found.end]);
    inserts.push({ ...raw, open: `<a href="${escapeAttr(url)}" data-link-id="${escapeAttr(id)}">` });
  }
  if (inserts.length === 0) return { html, applied: 0, skipped };
  inserts.sort((a, b) => a.raw0 - b.raw0);
  const parts: string[] = [];
  let at = 0;
  for (const ins of inserts) {
    parts.push(html.slice(at, ins.raw0), ins.open, html.slice(ins.raw0, ins.raw1), "</a>");
    at = ins.raw1;
  }
  parts.push(html.slice(at));
  return { html: parts.join(""), applied: inserts.length, skipped };
}

/**
 * Undo: unwraps every `<a data-link-id="…">` whose id is in `linkIds`, keeping its content.
 * Other links and all other bytes are untouched, so applyLinks followed by removeLinks with the
 * same ids gives back the original HTML.
 */
export function removeLinks(html: string, linkIds: string[]): string {
  if (linkIds.length === 0 || !html.includes("data-link-id")) return html;
  const ids = new Set(linkIds);
  const cuts: [number, number][] = [];
  const stack: boolean[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (tag !== "a") return;
        const id = attribs["data-link-id"];
        const remove = id !== undefined && ids.has(id);
        stack.push(remove);
        if (remove) cuts.push([parser.startIndex, parser.endIndex + 1]);
      },
      onclosetag(tag, isImplied) {
        if (tag !== "a") return;
        const remove = stack.pop();
        if (remove && !isImplied) cuts.push([parser.startIndex, parser.endIndex + 1]);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (cuts.length === 0) return html;
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    if (a < at) continue;
    parts.push(html.slice(at, a));
    at = b;
  }
  parts.push(html.slice(at));
  return parts.join("");
}
