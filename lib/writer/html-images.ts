// Images inside article HTML are `<img data-image-id="N">` at the top level (what the editor
// writes). These helpers keep that HTML in step with the Image rows: place a generated image after
// its section, change its src/alt when the file or alt text changes, remove it when it is deleted.
import render from "dom-serializer";
import { Element, type ChildNode, type Document } from "domhandler";
import { findAll, removeElement } from "domutils";
import { parseDocument } from "htmlparser2";
import { sanitizeHtml } from "@/lib/content";

export type HtmlImage = { id: number; src: string; alt: string; width?: number | null; height?: number | null };

function parse(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

function serialize(doc: Document): string {
  return sanitizeHtml(render(doc, { decodeEntities: true, encodeEntities: "utf8" }));
}

function imagesById(doc: Document, id: number): Element[] {
  return findAll((el) => el.name === "img" && el.attribs["data-image-id"] === String(id), doc.children);
}

/** Image ids referenced in the HTML with their alt text, in document order. */
export function imageRefsInHtml(html: string): { id: number; alt: string }[] {
  if (!html.includes("data-image-id")) return [];
  return findAll((el) => el.name === "img" && /^\d+$/.test(el.attribs["data-image-id"] ?? ""), parse(html).children).map((el) => ({
    id: Number(el.attribs["data-image-id"]),
    alt: el.attribs.alt ?? "",
  }));
}

function imageElement(image: HtmlImage): Element {
  const attribs: Record<string, string> = { src: image.src, alt: image.alt, "data-image-id": String(image.id) };
  if (image.width) attribs.width = String(image.width);
  if (image.height) attribs.height = String(image.height);
  return new Element("img", attribs);
}

/** Updates (or with `null` removes) every occurrence of an image. Returns the HTML unchanged when absent. */
export function rewriteImageInHtml(html: string, id: number, change: Partial<Omit<HtmlImage, "id">> | null): { html: string; changed: boolean } {
  if (!html.includes(`data-image-id="${id}"`)) return { html, changed: false };
  const doc = parse(html);
  const found = imagesById(doc, id);
  if (!found.length) return { html, changed: false };
  for (const el of found) {
    if (change === null) {
      const parent = el.parent as Element | null;
      removeElement(el);
      // An image alone in a paragraph or figure leaves an empty wrapper behind: drop it too.
      if (parent && parent.type === "tag" && ["p", "figure"].includes(parent.name) && !render(parent.children).trim()) removeElement(parent);
      continue;
    }
    if (change.src !== undefined) el.attribs.src = change.src;
    if (change.alt !== undefined) el.attribs.alt = change.alt;
    if (change.width) el.attribs.width = String(change.width);
    if (change.height) el.attribs.height = String(change.height);
  }
  return { html: serialize(doc), changed: true };
}

/**
 * Places an in-article image where its prompt says: `position` is the section it follows —
 * 0 after the introduction (before the first H2), k at the end of the k-th H2 section. Past the
 * last section (or without H2s) it goes at the end. An image already in the HTML is updated instead.
 */
export function placeImageInHtml(html: string, image: HtmlImage & { position: number }): string {
  const existing = rewriteImageInHtml(html, image.id, { src: image.src, alt: image.alt, width: image.width, height: image.height });
  if (existing.changed) return existing.html;
  const doc = parse(html);
  const top = doc.children;
  const h2Indexes = top.map((node, index) => (isTag(node, "h2") ? index : -1)).filter((index) => index >= 0);
  let before: number | undefined = h2Indexes[Math.max(0, image.position)]; // the H2 that starts the next section
  // Never at the very top (no text before it): it would sit right under the featured image.
  // Such an article starts with its first H2: the image follows that first section instead.
  if (before !== undefined && !top.slice(0, before).some((node) => textOf(node).trim())) before = h2Indexes.find((index) => index > before!);
  const el = imageElement(image);
  if (before === undefined) top.push(el);
  else top.splice(before, 0, el);
  relink(doc);
  return serialize(doc);
}

function textOf(node: ChildNode): string {
  return render(node, { decodeEntities: true }).replace(/<[^>]*>/g, "");
}

function isTag(node: ChildNode, name: string): node is Element {
  return node.type === "tag" && (node as Element).name === name;
}

function relink(doc: Document) {
  doc.children.forEach((node, i) => {
    node.parent = doc;
    node.prev = doc.children[i - 1] ?? null;
    node.next = doc.children[i + 1] ?? null;
  });
}
