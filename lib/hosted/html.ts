// Article and page HTML on its way to a hosted page (the HTML was sanitised when saved):
//  - links to this site's own articles, written by the linker or by hand as `https://<domain>/<slug>`
//    or `/sites/<slug>/<slug>`, point to the URL that resolves where the page is served (the domain's
//    root, or /sites/<slug>); a link to an article that is not live is kept as its text until the
//    article is published (publishing purges the cache, so the link appears then);
//  - images in the body load lazily (the featured image above them is the eager one); a stored image
//    of known width becomes a <picture> with its WebP variants (lib/storage/variants.ts).
import render from "dom-serializer";
import { Element, type ChildNode } from "domhandler";
import { appendChild, findAll, replaceElement } from "domutils";
import { parseDocument } from "htmlparser2";
import { mediaSrcset } from "@/lib/storage/variant-keys";

export type LinkContext = {
  siteSlug: string;
  domain: string | null;
  /** Root of in-page links: "" on the site's domain, "/sites/<slug>" under the app. */
  linkBase: string;
};

/** "https://www.Example.com/x" / "example.com" → "example.com" (no scheme, www, port or path). */
export function bareHost(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#].*$/s, "")
    .replace(/^[^@]*@/, "")
    .replace(/:\d*$/, "")
    .replace(/^www\./, "");
}

const ABSOLUTE = /^(?:https?:)?\/\/([^/?#]*)([^?#]*)([?#].*)?$/i;

/**
 * The path inside this site an href points to ("" = home, "a-post", "category/x"), or null when the
 * href leaves the site (another host, another hosted site, mailto:, #fragment, …).
 */
export function internalPath(href: string, ctx: Pick<LinkContext, "siteSlug" | "domain">): { path: string; suffix: string } | null {
  const value = href.trim();
  let path: string;
  let suffix = "";
  const absolute = ABSOLUTE.exec(value);
  if (absolute) {
    const host = bareHost(absolute[1]);
    const sitesPath = /^\/sites\/([a-z0-9-]+)(\/.*)?$/.exec(absolute[2]);
    if (ctx.domain && host === bareHost(ctx.domain)) path = absolute[2];
    else return null; // another host: an app URL with /sites/<slug> is left as written, it resolves
    if (sitesPath && sitesPath[1] === ctx.siteSlug) path = sitesPath[2] ?? "/";
    suffix = absolute[3] ?? "";
  } else if (value.startsWith("/") && !value.startsWith("//")) {
    const m = /^\/sites\/([a-z0-9-]+)(\/[^?#]*)?([?#].*)?$/.exec(value);
    if (!m || m[1] !== ctx.siteSlug) return null;
    path = m[2] ?? "/";
    suffix = m[3] ?? "";
  } else {
    return null;
  }
  return { path: path.replace(/^\/+|\/+$/g, ""), suffix };
}

/** Rewrites the body HTML; `isLive(slug)` says whether an article or page of the site is published. */
export function rewriteBody(html: string, ctx: LinkContext, isLive: (slug: string) => boolean): string {
  const hasLinks = html.includes("<a");
  const hasImages = html.includes("<img");
  if (!hasLinks && !hasImages) return html;
  const doc = parseDocument(html, { decodeEntities: true });
  let changed = false;
  for (const img of findAll((el) => el.name === "img", doc.children)) {
    if (!img.attribs.loading) img.attribs.loading = "lazy";
    if (!img.attribs.decoding) img.attribs.decoding = "async";
    withVariants(img);
    changed = true;
  }
  for (const a of findAll((el) => el.name === "a" && typeof el.attribs.href === "string", doc.children)) {
    const target = internalPath(a.attribs.href, ctx);
    if (!target) continue;
    changed = true;
    const single = /^[a-z0-9-]{1,200}$/.test(target.path);
    if (single && !isLive(target.path)) {
      unwrap(a);
      continue;
    }
    a.attribs.href = `${target.path ? `${ctx.linkBase}/${target.path}` : ctx.linkBase || "/"}${target.suffix}`;
  }
  return changed ? render(doc, { decodeEntities: true, encodeEntities: "utf8" }) : html;
}

/** Body images are at most as wide as the article column (styles.ts: .h-article, 44rem). */
const BODY_IMAGE_SIZES = "(max-width: 44rem) 100vw, 44rem";

/** A stored image with a width attribute → <picture><source type=webp srcset> + the <img> as fallback. */
function withVariants(img: Element): void {
  const width = Number(img.attribs.width);
  const srcset = /^\d{1,5}$/.test(img.attribs.width ?? "") && !(img.parent instanceof Element && img.parent.name === "picture") ? mediaSrcset(img.attribs.src ?? "", width) : null;
  if (!srcset) return;
  const picture = new Element("picture", {});
  replaceElement(img, picture);
  appendChild(picture, new Element("source", { type: "image/webp", srcset, sizes: BODY_IMAGE_SIZES }));
  appendChild(picture, img);
}

/** Adds the stored width and height to body images that lack them (they reserve their space and get variants). */
export function sizeBodyImages(html: string, images: { url: string; width?: number | null; height?: number | null }[]): string {
  const sized = new Map(images.filter((i) => i.width && i.height).map((i) => [i.url, i]));
  if (!sized.size || !html.includes("<img")) return html;
  const doc = parseDocument(html, { decodeEntities: true });
  let changed = false;
  for (const img of findAll((el) => el.name === "img" && !el.attribs.width && sized.has(el.attribs.src ?? ""), doc.children)) {
    const image = sized.get(img.attribs.src)!;
    img.attribs.width = String(image.width);
    img.attribs.height = String(image.height);
    changed = true;
  }
  return changed ? render(doc, { decodeEntities: true, encodeEntities: "utf8" }) : html;
}

/** Replaces an element by its children (a link becomes its text). */
function unwrap(el: Element): void {
  const parent = el.parent;
  if (!parent) return;
  const at = parent.children.indexOf(el);
  const children: ChildNode[] = el.children;
  for (const child of children) child.parent = parent;
  parent.children.splice(at, 1, ...children);
  // Keep sibling pointers consistent for the serializer.
  for (let i = 0; i < parent.children.length; i++) {
    parent.children[i].prev = parent.children[i - 1] ?? null;
    parent.children[i].next = parent.children[i + 1] ?? null;
  }
}

/** The slugs of this site's articles and pages the HTML links to (the live check reads only these). */
export function linkedSlugs(html: string, ctx: Pick<LinkContext, "siteSlug" | "domain">): string[] {
  if (!mayLinkToSite(html, ctx)) return [];
  const slugs = new Set<string>();
  for (const m of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const target = internalPath((m[1] ?? m[2]).replace(/&amp;/g, "&"), ctx);
    if (target && /^[a-z0-9-]{1,200}$/.test(target.path)) slugs.add(target.path);
  }
  return [...slugs];
}

/** Whether the HTML may hold a link to this site (saves the slug lookup for most pages). */
export function mayLinkToSite(html: string, ctx: Pick<LinkContext, "siteSlug" | "domain">): boolean {
  if (!html.includes("<a")) return false;
  return html.includes(`/sites/${ctx.siteSlug}`) || Boolean(ctx.domain && html.toLowerCase().includes(bareHost(ctx.domain)));
}
