// The zero-JS hosted-site renderer: a request path of a site (under /sites/<slug> or at the root of
// the site's own domain) → a complete response. Pages are HTML strings from ./templates (no React,
// no client runtime); a rendered response is kept in memory (./cache) until the site changes.
// Public pages, feeds and sitemaps are cacheable by browsers and CDNs, with ETag / Last-Modified and
// 304s; unknown and inactive sites and missing pages answer 404 with `no-store`.
import { createHash } from "node:crypto";
import { appBaseUrl } from "@/lib/http/origin";
import { findHostedEntry, findMovedHostedEntry, findHostedSiteRecord, listHostedLiveSlugs, listHostedPostPage, listHostedPosts, listHostedTermNames, listHostedPages, type HostedSiteRecord, type PublicPost } from "@/lib/publishing/public";
import { slugify } from "@/lib/utils/slug";
import { cachedSite, domainOrigin, getRendered, storeRendered, type Rendered } from "./cache";
import { linkedSlugs, rewriteBody } from "./html";
import { articleHtml, cardsHtml, documentHtml, esc, href, listingHtml, notFoundHtml, pageHtml, unknownSiteHtml, type Card, type Chrome, type Head } from "./templates";
import { feedXml, robotsTxt, sitemapIndexXml, urlsetXml } from "./xml";

/** Public pages: browsers revalidate after a minute, CDNs keep 10 minutes and may serve stale while refetching. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=600, stale-while-revalidate=86400";
export const NO_STORE = "no-store";
export const PAGE_SIZE = 12;

export type HostedAddress =
  /** Under the app: /sites/<slug>/<path…> */
  | { slug: string; path: string[] }
  /** At the root of the site's own domain (proxy.ts rewrote the request to /sites/<slug>/…). */
  | { slug: string; path: string[]; host: string };

type Site = HostedSiteRecord;
type Ctx = { site: Site; chrome: Chrome; publicBase: string; linkBase: string; feed: string };

const HTML = "text/html; charset=utf-8";

/** The response for a hosted request, from the cache or freshly rendered; answers 304 when the client's copy is current. */
export async function hostedResponse(address: HostedAddress, request: { headers: Headers; method?: string }): Promise<Response> {
  const { rendered, hit } = await renderHosted(address);
  return toResponse(rendered, request.headers, hit);
}

/** A hosted request's rendered answer, from the renderer's memory (`hit`) or freshly rendered (and kept when public). */
export async function renderHosted(address: HostedAddress): Promise<{ rendered: Rendered; hit: boolean }> {
  const key = cacheKey(address);
  const cached = getRendered(key);
  if (cached) return { rendered: cached, hit: true };
  const fresh = await render(address);
  if (fresh.cacheControl === PUBLIC_CACHE_CONTROL) storeRendered(key, fresh);
  return { rendered: { ...fresh, storedAt: Date.now() }, hit: false };
}

export function cacheKey(address: HostedAddress): string {
  return `${"host" in address ? `host:${address.host}` : "app"}|${address.slug}|${address.path.join("/")}`;
}

/** The response headers of a rendered answer (server.mjs's fast path sends the same ones). */
export function renderedHeaders(r: Rendered, cache: string): Record<string, string> {
  const headers: Record<string, string> = { "content-type": r.contentType, "cache-control": r.cacheControl, "x-hosted-cache": cache };
  if (r.etag) headers.etag = r.etag;
  if (r.lastModified) headers["last-modified"] = r.lastModified.toUTCString();
  if (r.location) headers.location = r.location;
  return headers;
}

function toResponse(r: Rendered, requestHeaders: Headers, hit: boolean): Response {
  const headers = new Headers(renderedHeaders(r, hit ? "HIT" : "MISS"));
  if (r.status === 200 && notModified(requestHeaders, r)) return new Response(null, { status: 304, headers });
  return new Response(r.body, { status: r.status, headers });
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2); weak comparison for ETags. */
export function notModified(headers: Headers, r: Pick<Rendered, "etag" | "lastModified">): boolean {
  const inm = headers.get("if-none-match");
  if (inm) {
    if (!r.etag) return false;
    const mine = r.etag.replace(/^W\//, "");
    return inm.trim() === "*" || inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === mine);
  }
  const ims = headers.get("if-modified-since");
  if (ims && r.lastModified) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && Math.floor(r.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

type Result = Omit<Rendered, "storedAt">;

function ok(ctx: Ctx, body: string, lastModified: Date, contentType = HTML): Result {
  const etag = `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  return { status: 200, body, contentType, cacheControl: PUBLIC_CACHE_CONTROL, etag, lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000), site: ctx.site.slug };
}

function notFound(ctx: Ctx | null): Result {
  const body = ctx ? documentHtml(ctx.chrome, { title: `Page not found · ${ctx.site.name}`, description: `This page of ${ctx.site.name} does not exist.`, canonical: null, ogType: "website", feed: ctx.feed, robots: "noindex" }, notFoundHtml(ctx.chrome)) : unknownSiteHtml();
  return { status: 404, body, contentType: HTML, cacheControl: NO_STORE, etag: null, lastModified: null, site: ctx?.site.slug ?? "" };
}

/** The site's icon: its initial on the accent colour (no request fails, no extra file to manage). */
function faviconSvg(name: string): string {
  const initial = esc((name.trim()[0] ?? "S").toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0a5fb4"/><text x="32" y="44" font-family="system-ui,sans-serif" font-size="36" font-weight="700" text-anchor="middle" fill="#fff">${initial}</text></svg>`;
}

/** A post's or page's old URL: permanently moved to its current one (cacheable; purged like every page). */
function redirect(ctx: Ctx, location: string): Result {
  return { status: 301, body: "", contentType: "text/plain; charset=utf-8", cacheControl: PUBLIC_CACHE_CONTROL, etag: null, lastModified: null, location, site: ctx.site.slug };
}

async function render(address: HostedAddress): Promise<Result> {
  if (!/^[a-z0-9-]{1,60}$/.test(address.slug)) return notFound(null);
  const site = await cachedSite(address.slug, () => findHostedSiteRecord({ slug: address.slug }));
  if (!site) return notFound(null);
  const onDomain = "host" in address;
  const linkBase = onDomain ? "" : `/sites/${site.slug}`;
  const publicBase = site.domain ? domainOrigin(site.domain) : `${appBaseUrl()}/sites/${site.slug}`;
  const chrome: Chrome = { siteName: site.name, lang: site.language || "en", linkBase, nav: site.nav.map((p) => ({ href: `${linkBase}/${p.slug}`, title: p.title })) };
  const ctx: Ctx = { site, chrome, publicBase, linkBase, feed: href(chrome, "rss.xml") };
  const [first, second, third, fourth, ...rest] = address.path;
  if (rest.length) return notFound(ctx);
  if (first === undefined) return home(ctx, 1);
  if (first === "page" && isPageNumber(second) && third === undefined) return home(ctx, Number(second));
  if ((first === "category" || first === "tag") && second && (third === undefined || (third === "page" && isPageNumber(fourth)))) return archive(ctx, first, second, third ? Number(fourth) : 1);
  if (second !== undefined) return notFound(ctx);
  if (first === "rss.xml" || first === "rss-full.xml") return feed(ctx, first === "rss-full.xml");
  if (first === "sitemap.xml") return sitemapIndex(ctx);
  if (first === "sitemap-posts.xml" || first === "sitemap-pages.xml") return sitemap(ctx, first === "sitemap-posts.xml" ? "posts" : "pages");
  if (first === "favicon.svg" || first === "favicon.ico") return ok(ctx, faviconSvg(site.name), site.updatedAt, "image/svg+xml");
  if (first === "robots.txt") return ok(ctx, robotsTxt(publicBase, onDomain ? "/" : `/sites/${site.slug}/`), site.updatedAt, "text/plain; charset=utf-8");
  return entry(ctx, first);
}

const isPageNumber = (value: string | undefined) => Boolean(value && /^[1-9]\d{0,4}$/.test(value) && value !== "1");
const latest = (...dates: (Date | undefined | null)[]) => new Date(Math.max(...dates.filter((d): d is Date => Boolean(d)).map((d) => d.getTime())));
const seoOf = (site: Site) => (site.seoMetadata ?? {}) as { metaTitle?: string; metaDescription?: string; ogImage?: string | null };
const absolute = (ctx: Ctx, path: string) => (path ? `${ctx.publicBase}/${path}` : ctx.publicBase);
const absoluteAsset = (url: string) => (/^https?:\/\//.test(url) ? url : `${appBaseUrl()}${url.startsWith("/") ? "" : "/"}${url}`);

function cardOf(ctx: Ctx, post: PublicPost): Card {
  const category = post.categories[0];
  return {
    href: href(ctx.chrome, post.slug),
    title: post.title,
    excerpt: post.excerpt || post.metaDescription,
    publishedAt: post.publishedAt,
    image: post.featuredImage,
    category: category && slugify(category) ? { href: href(ctx.chrome, `category/${slugify(category)}`), name: category } : null,
  };
}

function pagerLinks(ctx: Ctx, basePath: string, page: number, total: number): { prev: string | null; next: string | null; prevAbs: string | null; nextAbs: string | null } {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pathOf = (n: number) => (n === 1 ? basePath : `${basePath ? `${basePath}/` : ""}page/${n}`);
  const prev = page > 1 ? pathOf(page - 1) : null;
  const next = page < pages ? pathOf(page + 1) : null;
  return { prev: prev === null ? null : href(ctx.chrome, prev), next: next === null ? null : href(ctx.chrome, next), prevAbs: prev === null ? null : absolute(ctx, prev), nextAbs: next === null ? null : absolute(ctx, next) };
}

async function home(ctx: Ctx, page: number): Promise<Result> {
  const { site } = ctx;
  const [{ posts, total }, homeEntry] = await Promise.all([
    listHostedPostPage(site.id, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    // A Site Builder deploy (or the site manager) may give the home page its own copy: page "home".
    page === 1 ? findHostedEntry(site.id, "home") : null,
  ]);
  if (page > 1 && !posts.length) return notFound(ctx);
  const homePage = homeEntry?.page ?? null;
  const linkCtx = { siteSlug: site.slug, domain: site.domain, linkBase: ctx.linkBase };
  const leadHtml = homePage?.html ? rewriteBody(homePage.html, linkCtx, await liveCheck(site.id, linkedSlugs(homePage.html, linkCtx))) : "";
  const seo = seoOf(site);
  const description = seo.metaDescription || site.description || `The latest articles from ${site.name}.`;
  const links = pagerLinks(ctx, "", page, total);
  const canonical = page === 1 ? ctx.publicBase : absolute(ctx, `page/${page}`);
  const head: Head = {
    title: page === 1 ? seo.metaTitle || site.name : `${site.name} · page ${page}`,
    description: page === 1 ? description : `${description} Page ${page}.`,
    canonical,
    ogType: "website",
    image: seo.ogImage ? { url: seo.ogImage, alt: site.name } : null,
    feed: ctx.feed,
    prev: links.prevAbs,
    next: links.nextAbs,
    structuredData: [{ "@context": "https://schema.org", "@type": "WebSite", name: site.name, url: ctx.publicBase, description, publisher: publisher(site) }],
  };
  const main = listingHtml({ heading: site.name, intro: site.description, leadHtml, cards: posts.map((p) => cardOf(ctx, p)), prev: links.prev, next: links.next, empty: "No articles yet.", lang: ctx.chrome.lang });
  return ok(ctx, documentHtml(ctx.chrome, head, main), latest(site.updatedAt, homePage?.updatedAt, ...posts.map((p) => p.updatedAt), ...site.nav.map((p) => p.updatedAt)));
}

async function archive(ctx: Ctx, kind: "category" | "tag", slug: string, page: number): Promise<Result> {
  const { site } = ctx;
  // Terms are matched by their slug (the URL), so the names come first: a site has few of them.
  const names = (await listHostedTermNames(site.id, kind)).filter((t) => slugify(t) === slug);
  if (!names.length) return notFound(ctx);
  const name = names.sort()[0];
  const { posts, total } = await listHostedPostPage(site.id, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, terms: { kind, names } });
  if (!posts.length) return notFound(ctx);
  const basePath = `${kind}/${slug}`;
  const links = pagerLinks(ctx, basePath, page, total);
  const label = kind === "category" ? name : `#${name}`;
  const count = `${total} article${total === 1 ? "" : "s"}`;
  const description = `${count} about ${name} from ${site.name}${page > 1 ? `, page ${page}` : ""}.`;
  const head: Head = {
    title: `${label}${page > 1 ? ` · page ${page}` : ""} · ${site.name}`,
    description,
    canonical: absolute(ctx, page === 1 ? basePath : `${basePath}/page/${page}`),
    ogType: "website",
    feed: ctx.feed,
    prev: links.prevAbs,
    next: links.nextAbs,
    structuredData: [breadcrumbs([{ name: site.name, url: ctx.publicBase }, { name: label, url: absolute(ctx, basePath) }])],
  };
  const main = listingHtml({ heading: label, intro: `${count} in ${kind === "category" ? "this category" : "this tag"}.`, cards: posts.map((p) => cardOf(ctx, p)), prev: links.prev, next: links.next, empty: "", crumbs: [{ href: href(ctx.chrome), name: "Home" }], lang: ctx.chrome.lang });
  return ok(ctx, documentHtml(ctx.chrome, head, main), latest(site.updatedAt, ...posts.map((p) => p.updatedAt)));
}

async function entry(ctx: Ctx, slug: string): Promise<Result> {
  const { site } = ctx;
  const found = await findHostedEntry(site.id, slug);
  if (!found) {
    const moved = /^[a-z0-9-]{1,200}$/.test(slug) ? await findMovedHostedEntry(site.id, slug) : null;
    return moved ? redirect(ctx, href(ctx.chrome, moved)) : notFound(ctx);
  }
  const linkCtx = { siteSlug: site.slug, domain: site.domain, linkBase: ctx.linkBase };
  const bodyOf = async (html: string) => rewriteBody(html, linkCtx, await liveCheck(site.id, linkedSlugs(html, linkCtx)));
  const url = absolute(ctx, slug);
  if (found.page) {
    const page = found.page;
    const bodyHtml = await bodyOf(page.html);
    let latestCards = "";
    let latestPosts: PublicPost[] = [];
    if (page.template === "landing") {
      latestPosts = (await listHostedPostPage(site.id, { skip: 0, take: 6 })).posts;
      latestCards = latestPosts.length ? cardsHtml(latestPosts.map((p) => cardOf(ctx, p)), { lang: ctx.chrome.lang }) : "";
    }
    const head: Head = {
      title: `${page.title} · ${site.name}`,
      description: page.metaDescription || summary(page.html) || `${page.title} — ${site.name}.`,
      canonical: url,
      ogType: "website",
      feed: ctx.feed,
      structuredData: [breadcrumbs([{ name: site.name, url: ctx.publicBase }, { name: page.title, url }])],
    };
    return ok(ctx, documentHtml(ctx.chrome, head, pageHtml({ title: page.title, bodyHtml, template: page.template, description: page.metaDescription, latest: latestCards })), latest(site.updatedAt, page.updatedAt, ...latestPosts.map((p) => p.updatedAt)));
  }
  const post = found.post;
  const description = post.metaDescription || post.excerpt || summary(post.html) || post.title;
  const image = post.featuredImage ? { ...post.featuredImage, url: post.featuredImage.url } : null;
  const termLink = (kind: "category" | "tag") => (name: string) => ({ href: href(ctx.chrome, `${kind}/${slugify(name)}`), name });
  const category = post.categories.find((c) => slugify(c));
  const crumbs = [{ name: site.name, url: ctx.publicBase }, ...(category ? [{ name: category, url: absolute(ctx, `category/${slugify(category)}`) }] : []), { name: post.title, url }];
  const head: Head = {
    title: post.metaTitle || `${post.title} · ${site.name}`,
    description,
    canonical: url,
    ogType: "article",
    image: image ? { url: absoluteAsset(image.url), alt: image.alt || post.title } : null,
    publishedTime: post.publishedAt,
    modifiedTime: post.updatedAt,
    feed: ctx.feed,
    structuredData: [
      {
        "@context": "https://schema.org",
        "@type": "Article",
        headline: post.title.slice(0, 110),
        description,
        datePublished: post.publishedAt.toISOString(),
        dateModified: post.updatedAt.toISOString(),
        mainEntityOfPage: { "@type": "WebPage", "@id": url },
        url,
        ...(image ? { image: [absoluteAsset(image.url)] } : {}),
        author: post.author ? { "@type": "Person", name: post.author } : { "@type": "Organization", name: site.name, url: ctx.publicBase },
        publisher: publisher(site),
        ...(post.tags.length ? { keywords: post.tags.join(", ") } : {}),
        ...(category ? { articleSection: category } : {}),
      },
      breadcrumbs(crumbs),
    ],
  };
  const main = articleHtml({
    title: post.title,
    bodyHtml: await bodyOf(post.html),
    publishedAt: post.publishedAt,
    author: post.author,
    categories: post.categories.filter((c) => slugify(c)).map(termLink("category")),
    tags: post.tags.filter((t) => slugify(t)).map(termLink("tag")),
    image: image ? { ...image, alt: image.alt || post.title } : null,
    lang: ctx.chrome.lang,
  });
  return ok(ctx, documentHtml(ctx.chrome, head, main), latest(site.updatedAt, post.updatedAt, ...site.nav.map((p) => p.updatedAt)));
}

/** Which of the linked slugs are live: one query over those slugs only, none when the HTML links to no entry of the site. */
async function liveCheck(siteId: number, slugs: string[]): Promise<(slug: string) => boolean> {
  if (!slugs.length) return () => true;
  const live = await listHostedLiveSlugs(siteId, slugs);
  return (slug) => live.has(slug);
}

function publisher(site: Site) {
  const logo = seoOf(site).ogImage;
  return { "@type": "Organization", name: site.name, ...(logo ? { logo: { "@type": "ImageObject", url: logo } } : {}) };
}

function breadcrumbs(items: { name: string; url: string }[]) {
  return { "@context": "https://schema.org", "@type": "BreadcrumbList", itemListElement: items.map((item, i) => ({ "@type": "ListItem", position: i + 1, name: item.name, item: item.url })) };
}

/** The first ~155 characters of an HTML body's text, for a description. */
export function summary(html: string, max = 155): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 60 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

async function feed(ctx: Ctx, full: boolean): Promise<Result> {
  const { site } = ctx;
  const { posts } = await listHostedPostPage(site.id, { skip: 0, take: 50, withHtml: full });
  const body = feedXml({
    title: site.name,
    language: site.language || "en",
    link: ctx.publicBase,
    self: absolute(ctx, full ? "rss-full.xml" : "rss.xml"),
    description: site.description || seoOf(site).metaDescription || site.name,
    items: posts.map((p) => ({ title: p.title, link: absolute(ctx, p.slug), description: p.metaDescription || p.excerpt, publishedAt: p.publishedAt, categories: p.categories, html: full ? p.html : null })),
  });
  return ok(ctx, body, latest(site.updatedAt, ...posts.map((p) => p.updatedAt)), "application/rss+xml; charset=utf-8");
}

async function sitemapIndex(ctx: Ctx): Promise<Result> {
  const { site } = ctx;
  const [{ posts }, pages] = await Promise.all([listHostedPostPage(site.id, { skip: 0, take: 1 }), listHostedPages(site.id)]);
  const postsMod = latest(site.updatedAt, posts[0]?.updatedAt);
  const pagesMod = latest(site.updatedAt, ...pages.map((p) => p.updatedAt));
  const body = sitemapIndexXml([
    { loc: absolute(ctx, "sitemap-posts.xml"), lastmod: postsMod },
    { loc: absolute(ctx, "sitemap-pages.xml"), lastmod: pagesMod },
  ]);
  return ok(ctx, body, latest(postsMod, pagesMod), "application/xml; charset=utf-8");
}

async function sitemap(ctx: Ctx, kind: "posts" | "pages"): Promise<Result> {
  const { site } = ctx;
  if (kind === "pages") {
    const pages = await listHostedPages(site.id);
    const urls = [{ loc: ctx.publicBase, lastmod: site.updatedAt }, ...pages.map((p) => ({ loc: absolute(ctx, p.slug), lastmod: p.updatedAt }))];
    return ok(ctx, urlsetXml(urls), latest(site.updatedAt, ...pages.map((p) => p.updatedAt)), "application/xml; charset=utf-8");
  }
  const posts = await listHostedPosts(site.id, { take: 50_000 });
  const urls = posts.map((p) => ({ loc: absolute(ctx, p.slug), lastmod: p.updatedAt }));
  return ok(ctx, urlsetXml(urls), latest(site.updatedAt, ...posts.map((p) => p.updatedAt)), "application/xml; charset=utf-8");
}


