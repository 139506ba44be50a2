// Images: reuse what is already on the site, upload the rest, then point the HTML at them.
//
// Reuse, in order: the media id the publisher remembers (`knownMedia`) while it still exists;
// else a media item with this image's deterministic slug `scs-<contentId>-<key>-<hash>` (so a
// retry after a timed-out upload finds the first upload instead of creating `photo-2.png`);
// else upload. Uploads are one raw-body POST with Content-Disposition; `slug` and `alt_text`
// go in the query string (WordPress reads them there), and alt text is re-set if it did not stick.
import { createHash } from "node:crypto";
import type { PublishImage } from "../types";
import { decodeEntities, type WordPressClient } from "./client";

export type MediaRef = { id: number; sourceUrl: string };

type WpMedia = { id: number; source_url: string; alt_text?: string; slug?: string };

const MEDIA_FIELDS = "id,source_url,alt_text,slug";

const EXTENSIONS: Record<string, string[]> = {
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg", "jpe"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "image/avif": ["avif"],
  "image/bmp": ["bmp"],
  "image/tiff": ["tif", "tiff"],
  "image/x-icon": ["ico"],
  "image/heic": ["heic"],
  "image/svg+xml": ["svg"],
};

/** Deterministic media slug for an image of a content item (lowercase, ≤ 80 chars). */
export function mediaSlug(contentId: number, key: string): string {
  const readable = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 10);
  return ["scs", String(contentId), readable, hash].filter(Boolean).join("-");
}

/** An ASCII file name whose extension matches the MIME type (WordPress checks both). */
export function safeFilename(filename: string, mimeType: string, fallbackStem: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  let stem = dot > 0 ? base.slice(0, dot) : base;
  let ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  stem = stem
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  if (!stem) stem = fallbackStem;
  const allowed = EXTENSIONS[mimeType.toLowerCase()];
  if (allowed && !allowed.includes(ext)) ext = allowed[0];
  ext = ext.replace(/[^a-z0-9]/g, "");
  return ext ? `${stem}.${ext}` : stem;
}

/**
 * Remote media for every image (deduplicated by key). `warnings` gets a line for each remembered
 * media item that no longer exists on the site.
 */
export async function ensureMedia(
  client: WordPressClient,
  params: { contentId: number; images: readonly PublishImage[]; knownMedia?: Record<string, string>; warnings: string[] },
): Promise<Map<string, MediaRef>> {
  const images = new Map<string, PublishImage>();
  for (const image of params.images) if (!images.has(image.key)) images.set(image.key, image);
  const result = new Map<string, MediaRef>();
  if (images.size === 0) return result;
  const existing = new Map<string, WpMedia>();

  // 1. Remembered ids that still exist.
  const known = new Map<string, number>();
  for (const key of images.keys()) {
    const id = Number(params.knownMedia?.[key]);
    if (Number.isInteger(id) && id > 0) known.set(key, id);
  }
  if (known.size > 0) {
    const found = await client.get<WpMedia[]>("/wp/v2/media", { include: [...new Set(known.values())], per_page: 100, _fields: MEDIA_FIELDS });
    const byId = new Map((Array.isArray(found) ? found : []).map((m) => [m.id, m]));
    for (const [key, id] of known) {
      const media = byId.get(id);
      if (media) existing.set(key, media);
      else params.warnings.push(`Image "${key}" (media ${id}) no longer exists on WordPress; it was uploaded again.`);
    }
  }

  // 2. Earlier uploads for this content that the publisher does not know about (a retry).
  const bySlug = new Map<string, string>();
  for (const key of images.keys()) if (!existing.has(key)) bySlug.set(mediaSlug(params.contentId, key), key);
  if (bySlug.size > 0) {
    const found = await client.get<WpMedia[]>("/wp/v2/media", { slug: [...bySlug.keys()], per_page: 100, orderby: "id", order: "asc", _fields: MEDIA_FIELDS });
    for (const media of Array.isArray(found) ? found : []) {
      const key = media.slug ? bySlug.get(media.slug) : undefined;
      if (key && !existing.has(key)) existing.set(key, media);
    }
  }

  // 3. Reuse (fixing alt text when it changed) or upload, one at a time: WordPress resizes each upload.
  for (const [key, image] of images) {
    const media = existing.get(key);
    if (media) {
      if (decodeEntities(media.alt_text ?? "") !== image.alt) await client.post(`/wp/v2/media/${media.id}`, { alt_text: image.alt });
      result.set(key, { id: media.id, sourceUrl: media.source_url });
      continue;
    }
    result.set(key, await uploadImage(client, params.contentId, image));
  }
  return result;
}

async function uploadImage(client: WordPressClient, contentId: number, image: PublishImage): Promise<MediaRef> {
  const bytes = await image.load();
  const slug = mediaSlug(contentId, image.key);
  const filename = safeFilename(image.filename, image.mimeType, slug);
  const response = await client.request<WpMedia>("/wp/v2/media", {
    method: "POST",
    query: { slug, alt_text: image.alt },
    body: bytes,
    headers: { "Content-Type": image.mimeType, "Content-Disposition": `attachment; filename="${filename}"` },
    timeoutMs: Math.max(client.timeoutMs * 3, 60_000),
  });
  const media = response.data;
  if (decodeEntities(media.alt_text ?? "") !== image.alt) await client.post(`/wp/v2/media/${media.id}`, { alt_text: image.alt });
  return { id: media.id, sourceUrl: media.source_url };
}

// ---------------------------------------------------------------------------------------------
// HTML rewriting

export type ImageReplacement = { placeholderUrl: string; url: string; id: number; alt?: string };

/** An `<img …>` tag, quoted attribute values may contain ">" (no `i` flag: placeholders match case-sensitively). */
const IMG_TAG = /<[iI][mM][gG]\b(?:[^>"']|"[^"]*"|'[^']*')*>/;

function attrPattern(name: string): RegExp {
  return new RegExp(`(\\s${name}\\s*=\\s*)("([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, "i");
}

function readAttr(tag: string, name: string): string | null {
  const m = attrPattern(name).exec(tag);
  if (!m) return null;
  return decodeEntities(m[3] ?? m[4] ?? m[5] ?? "");
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function setAttr(tag: string, name: string, value: string): string {
  const pattern = attrPattern(name);
  if (pattern.test(tag)) return tag.replace(pattern, (_m, prefix: string) => `${prefix}"${escapeAttr(value)}"`);
  return tag.replace(/\s*(\/?>)$/, (_m, end: string) => ` ${name}="${escapeAttr(value)}"${end === "/>" ? " />" : ">"}`);
}

function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s"'=<>\`]+)`, "i"), "");
}

/**
 * Points each placeholder URL at the uploaded media: `<img src>` gets the media URL and the
 * `wp-image-<id>` class (WordPress then adds srcset/sizes/lazy loading when rendering), an
 * `alt` when it had none; any other occurrence (a link to the full image) is replaced too.
 * Returns the placeholders that were not found.
 */
export function rewriteImages(html: string, replacements: readonly ImageReplacement[]): { html: string; missing: string[] } {
  const byPlaceholder = new Map(replacements.filter((r) => r.placeholderUrl).map((r) => [r.placeholderUrl, r]));
  if (byPlaceholder.size === 0) return { html, missing: [] };
  // Text occurrences, raw and as they appear inside attributes (&amp;), longest first; replaced in
  // one pass so a media URL that happens to contain a placeholder is never rewritten again.
  const needles = new Map<string, string>();
  for (const r of byPlaceholder.values()) {
    needles.set(r.placeholderUrl, r.url);
    needles.set(escapeAttr(r.placeholderUrl), escapeAttr(r.url));
  }
  const needleOwner = new Map<string, string>();
  for (const r of byPlaceholder.values()) {
    needleOwner.set(r.placeholderUrl, r.placeholderUrl);
    needleOwner.set(escapeAttr(r.placeholderUrl), r.placeholderUrl);
  }
  const alternatives = [...needles.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
  const textPattern = new RegExp(alternatives, "g");
  const hits = new Set<string>();
  const replaceText = (text: string) =>
    text.replace(textPattern, (needle) => {
      hits.add(needleOwner.get(needle) ?? needle);
      return needles.get(needle) ?? needle;
    });

  const combined = new RegExp(`${IMG_TAG.source}|${alternatives}`, "g");
  const out = html.replace(combined, (match) => {
    if (!/^<img\b/i.test(match)) return replaceText(match);
    const src = readAttr(match, "src");
    const replacement = src === null ? undefined : byPlaceholder.get(src);
    if (!replacement) return replaceText(match);
    hits.add(replacement.placeholderUrl);
    let tag = match;
    const srcset = readAttr(tag, "srcset");
    if (srcset !== null && srcset.includes(replacement.placeholderUrl)) tag = removeAttr(removeAttr(tag, "srcset"), "sizes");
    tag = setAttr(tag, "src", replacement.url);
    const classes = (readAttr(tag, "class") ?? "").split(/\s+/).filter((c) => c && !/^wp-image-\d+$/.test(c));
    tag = setAttr(tag, "class", [...classes, `wp-image-${replacement.id}`].join(" "));
    if (readAttr(tag, "alt") === null && replacement.alt !== undefined) tag = setAttr(tag, "alt", replacement.alt);
    return tag;
  });
  return { html: out, missing: [...byPlaceholder.keys()].filter((p) => !hits.has(p)) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
