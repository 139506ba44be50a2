// Templates of hosted pages: plain functions that return complete HTML documents as strings.
// No React, no client runtime, no scripts (JSON-LD is data, not code). Every value that comes from
// users goes through `esc` (text and attributes) or `jsonLd` (script data); article and page HTML
// was sanitised when saved and is rewritten by lib/hosted/html.ts before it reaches here.
import { mediaSrcset } from "@/lib/storage/variant-keys";
import { HOSTED_CSS } from "./styles";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON for a `<script type="application/ld+json">`: "<" never appears raw, so it cannot close the element. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as readers of the site's language write it ("6. Dezember 2026" for de, "December 6, 2026" for
 * en), in UTC like the `datetime` beside it. A tag this runtime's ICU does not know falls back to its
 * nearest supported locale (Intl's own rule), never to an error. Formatters are kept per tag.
 */
export function formatDate(date: Date, lang = "en"): string {
  let format = dateFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    } catch {
      format = new Intl.DateTimeFormat("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    }
    if (dateFormats.size < 200) dateFormats.set(lang, format);
  }
  return format.format(date);
}

/** What every page of a site shares: its name, menu and where its links point. */
export type Chrome = {
  siteName: string;
  /** BCP 47 tag of the site's language (<html lang>). */
  lang: string;
  /** Root of in-page links: "" on the site's own domain, "/sites/<slug>" under the app. */
  linkBase: string;
  nav: { href: string; title: string }[];
};

export type Head = {
  title: string;
  description: string;
  /** Absolute canonical URL (the site's domain when set). */
  canonical: string | null;
  ogType: "website" | "article";
  image?: { url: string; alt: string } | null;
  publishedTime?: Date;
  modifiedTime?: Date;
  feed: string;
  prev?: string | null;
  next?: string | null;
  robots?: string;
  structuredData?: unknown[];
};

export type Image = { url: string; alt: string; width?: number; height?: number };

export const href = (chrome: Chrome, path = "") => (path ? `${chrome.linkBase}/${path}` : chrome.linkBase || "/");

export function documentHtml(chrome: Chrome, head: Head, main: string): string {
  const meta = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(head.title)}</title>`,
    `<meta name="description" content="${esc(head.description)}">`,
    head.robots ? `<meta name="robots" content="${esc(head.robots)}">` : "",
    head.canonical ? `<link rel="canonical" href="${esc(head.canonical)}">` : "",
    head.prev ? `<link rel="prev" href="${esc(head.prev)}">` : "",
    head.next ? `<link rel="next" href="${esc(head.next)}">` : "",
    `<link rel="icon" href="${esc(href(chrome, "favicon.svg"))}" type="image/svg+xml">`,
    `<link rel="alternate" type="application/rss+xml" title="${esc(chrome.siteName)}" href="${esc(head.feed)}">`,
    `<meta property="og:type" content="${head.ogType}">`,
    `<meta property="og:site_name" content="${esc(chrome.siteName)}">`,
    `<meta property="og:title" content="${esc(head.title)}">`,
    `<meta property="og:description" content="${esc(head.description)}">`,
    head.canonical ? `<meta property="og:url" content="${esc(head.canonical)}">` : "",
    head.image ? `<meta property="og:image" content="${esc(head.image.url)}"><meta property="og:image:alt" content="${esc(head.image.alt)}">` : "",
    head.publishedTime ? `<meta property="article:published_time" content="${head.publishedTime.toISOString()}">` : "",
    head.modifiedTime ? `<meta property="article:modified_time" content="${head.modifiedTime.toISOString()}">` : "",
    `<meta name="twitter:card" content="${head.image ? "summary_large_image" : "summary"}">`,
    `<style>${HOSTED_CSS}</style>`,
    ...(head.structuredData ?? []).map((data) => `<script type="application/ld+json">${jsonLd(data)}</script>`),
  ].filter(Boolean);
  const nav = [`<a href="${esc(href(chrome))}">Home</a>`, ...chrome.nav.map((item) => `<a href="${esc(item.href)}">${esc(item.title)}</a>`), `<a href="${esc(head.feed)}">RSS</a>`];
  return [
    `<!doctype html><html lang="${esc(chrome.lang)}"><head>${meta.join("")}</head><body>`,
    `<a class="skip" href="#main">Skip to content</a>`,
    `<header class="h-header"><div class="wrap"><a class="h-brand" href="${esc(href(chrome))}">${esc(chrome.siteName)}</a><nav class="h-nav" aria-label="Site">${nav.join("")}</nav></div></header>`,
    `<main id="main">${main}</main>`,
    `<footer class="h-footer"><div class="wrap">© ${new Date().getUTCFullYear()} ${esc(chrome.siteName)} · <a href="${esc(head.feed)}">RSS</a></div></footer>`,
    `</body></html>`,
  ].join("");
}

/**
 * An <img> with its size reserved; `eager` for the one image above the fold (the LCP candidate).
 * A stored image of known width comes as a <picture>: WebP variants in a srcset (lib/storage/variants.ts)
 * picked by `sizes`, the original as the fallback.
 */
export function imageTag(image: Image, options: { className?: string; eager?: boolean; sizes?: string; fallbackSize?: [number, number] } = {}): string {
  const size = image.width && image.height ? [image.width, image.height] : options.fallbackSize;
  const srcset = mediaSrcset(image.url, image.width);
  const img = [
    `<img src="${esc(image.url)}" alt="${esc(image.alt)}"`,
    options.className ? ` class="${options.className}"` : "",
    size ? ` width="${size[0]}" height="${size[1]}"` : "",
    options.sizes ? ` sizes="${esc(options.sizes)}"` : "",
    options.eager ? ` fetchpriority="high" decoding="async"` : ` loading="lazy" decoding="async"`,
    `>`,
  ].join("");
  if (!srcset) return img;
  return `<picture><source type="image/webp" srcset="${esc(srcset)}" sizes="${esc(options.sizes ?? "100vw")}">${img}</picture>`;
}

export type Card = { href: string; title: string; excerpt: string; publishedAt: Date; image: Image | null; category: { href: string; name: string } | null };

/** `lang`: the site's language, for the dates. */
export function cardsHtml(cards: Card[], options: { eagerFirst?: boolean; lang?: string } = {}): string {
  return `<div class="h-grid">${cards
    .map((card, i) => {
      const picture = card.image ? imageTag(card.image, { eager: options.eagerFirst && i === 0, fallbackSize: [640, 360], sizes: "(max-width: 40rem) 100vw, 22rem" }) : `<div class="h-ph" aria-hidden="true"></div>`;
      const category = card.category ? ` · <a href="${esc(card.category.href)}">${esc(card.category.name)}</a>` : "";
      return `<article class="h-card"><a href="${esc(card.href)}">${picture}<h2>${esc(card.title)}</h2></a><span class="h-meta"><time datetime="${card.publishedAt.toISOString()}">${formatDate(card.publishedAt, options.lang)}</time>${category}</span>${card.excerpt ? `<p>${esc(card.excerpt)}</p>` : ""}</article>`;
    })
    .join("")}</div>`;
}

export function pagerHtml(prev: string | null, next: string | null): string {
  if (!prev && !next) return "";
  return `<nav class="h-pager" aria-label="Pagination">${prev ? `<a href="${esc(prev)}" rel="prev">← Newer posts</a>` : "<span></span>"}${next ? `<a href="${esc(next)}" rel="next">Older posts →</a>` : ""}</nav>`;
}

/** `leadHtml`: sanitised copy shown between the hero and the cards (a deployed home page's). */
export function listingHtml(input: { heading: string; intro: string; cards: Card[]; prev: string | null; next: string | null; empty: string; crumbs?: { href: string; name: string }[]; leadHtml?: string; lang?: string }): string {
  const crumbs = input.crumbs?.length ? `<nav class="h-crumbs" aria-label="Breadcrumb">${input.crumbs.map((c) => `<a href="${esc(c.href)}">${esc(c.name)}</a>`).join(" / ")}</nav>` : "";
  return [
    `<section class="h-hero"><div class="wrap">${crumbs}<h1>${esc(input.heading)}</h1>${input.intro ? `<p>${esc(input.intro)}</p>` : ""}</div></section>`,
    input.leadHtml ? `<div class="wrap"><div class="h-body">${input.leadHtml}</div></div>` : "",
    `<div class="wrap">${input.cards.length ? cardsHtml(input.cards, { eagerFirst: true, lang: input.lang }) : `<p class="h-empty">${esc(input.empty)}</p>`}${pagerHtml(input.prev, input.next)}</div>`,
  ].join("");
}

export function articleHtml(input: {
  title: string;
  bodyHtml: string;
  publishedAt: Date;
  author: string;
  categories: { href: string; name: string }[];
  tags: { href: string; name: string }[];
  image: Image | null;
  /** The site's language, for the date. */
  lang?: string;
}): string {
  const categories = input.categories.map((c) => `<a href="${esc(c.href)}">${esc(c.name)}</a>`).join(", ");
  const byline = [`<time datetime="${input.publishedAt.toISOString()}">${formatDate(input.publishedAt, input.lang)}</time>`, input.author ? `by ${esc(input.author)}` : "", categories].filter(Boolean).join(" · ");
  return [
    `<article class="h-article"><header><span class="h-meta">${byline}</span><h1>${esc(input.title)}</h1></header>`,
    input.image ? imageTag(input.image, { className: "h-featured", eager: true, sizes: "(max-width: 44rem) 100vw, 44rem" }) : "",
    `<div class="h-body">${input.bodyHtml}</div>`,
    input.tags.length ? `<nav class="h-tags" aria-label="Tags">${input.tags.map((t) => `<a href="${esc(t.href)}">#${esc(t.name)}</a>`).join("")}</nav>` : "",
    `</article>`,
  ].join("");
}

export function pageHtml(input: { title: string; bodyHtml: string; template: "default" | "wide" | "landing"; description: string; latest: string }): string {
  if (input.template === "landing") {
    return `<section class="h-landing"><h1>${esc(input.title)}</h1>${input.description ? `<p>${esc(input.description)}</p>` : ""}</section><div class="h-article h-wide"><div class="h-body">${input.bodyHtml}</div></div>${input.latest ? `<div class="wrap h-latest">${input.latest}</div>` : ""}`;
  }
  return `<article class="h-article${input.template === "wide" ? " h-wide" : ""}"><header><h1>${esc(input.title)}</h1></header><div class="h-body">${input.bodyHtml}</div></article>`;
}

export function notFoundHtml(chrome: Chrome): string {
  return `<section class="h-hero"><div class="wrap"><h1>Page not found</h1><p>The page you asked for is not here. It may have moved or been unpublished.</p><p><a href="${esc(href(chrome))}">Go to the home page of ${esc(chrome.siteName)}</a></p></div></section>`;
}

/** A 404 for a host or site we do not know: no site style to borrow. */
export function unknownSiteHtml(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Site not found</title><meta name="description" content="No site is published at this address."><meta name="robots" content="noindex"><style>${HOSTED_CSS}</style></head><body><main id="main" class="wrap h-hero"><h1>Site not found</h1><p>No site is published at this address.</p></main></body></html>`;
}
