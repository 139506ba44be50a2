// Hosted sites served by the zero-JS renderer (lib/hosted) through the route handler Next calls:
// no scripts, escaping, SEO tags and JSON-LD, caching headers and 304s, purge on publish/unpublish,
// nothing cacheable for inactive sites and missing pages, link rewriting, feeds and sitemaps.
import { createHash } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import * as hostedRoute from "@/app/sites/[slug]/[[...path]]/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import * as unpublish from "@/app/api/v1/publisher/unpublish/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { HOSTED_HOST_HEADER } from "@/lib/hosted/address";
import { HOSTED_CSS } from "@/lib/hosted/styles";
import { PAGE_SIZE, PUBLIC_CACHE_CONTROL } from "@/lib/hosted/service";
import { hostedSecurityHeaders } from "@/lib/http/security-headers";
import { updateSite } from "@/lib/sites/service";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";

afterEach(() => {
  delete process.env.APP_URL;
});

type Site = { id: number; accountId: number; slug: string };
let n = 0;

async function hostedPost(site: Site, sector: { id: number }, data: { title?: string; slug?: string; html?: string; categories?: string[]; tags?: string[]; metaDescription?: string; excerpt?: string; author?: string; publishedAt?: Date; featuredImage?: object | null } = {}) {
  const i = n++;
  const content = await rootDb().content.create({ data: { accountId: site.accountId, siteId: site.id, sectorId: sector.id, title: data.title ?? `Post ${i}`, slug: data.slug ?? `post-${i}-${Date.now().toString(36)}`, status: "published" } });
  return rootDb().hostedPost.create({
    data: {
      accountId: site.accountId,
      siteId: site.id,
      contentId: content.id,
      slug: content.slug,
      title: content.title,
      html: data.html ?? "<p>Body.</p>",
      excerpt: data.excerpt ?? "",
      metaDescription: data.metaDescription ?? "",
      categories: data.categories ?? [],
      tags: data.tags ?? [],
      author: data.author ?? "",
      publishedAt: data.publishedAt ?? new Date(Date.now() - i * 60_000),
      featuredImage: (data.featuredImage === undefined ? { url: "/media/x/featured.png", alt: "A raised bed", width: 1200, height: 675 } : data.featuredImage) as object,
    },
  });
}

async function get(slug: string, path: string[] = [], headers: Record<string, string> = {}) {
  const url = `http://localhost/sites/${slug}${path.length ? `/${path.join("/")}` : ""}`;
  const response = await hostedRoute.GET(new NextRequest(url, { headers }), { params: Promise.resolve({ slug, path }) });
  return { response, status: response.status, text: await response.text(), header: (name: string) => response.headers.get(name) };
}

/** Every <script> of the page: JSON-LD data blocks only, never code. */
function scriptsOf(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attrs: m[1], body: m[2] }));
}

function jsonLdOf(html: string): Record<string, unknown>[] {
  return scriptsOf(html).map((s) => {
    expect(s.attrs.trim()).toBe('type="application/ld+json"');
    return JSON.parse(s.body) as Record<string, unknown>;
  });
}

const meta = (html: string, name: string) => new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`).exec(html)?.[1];

describe("hosted pages: zero JS, escaping, SEO", () => {
  it("an article: no script but JSON-LD, escaped values, meta description, canonical, Article + BreadcrumbList, responsive featured image", async () => {
    const { a } = await twoTenants();
    const evil = `Soil <script>alert("x")</script> & "beds"`;
    const post = await hostedPost(a.site, a.sector, { title: evil, html: `<h2>Why</h2><p>They drain well.</p><img src="/media/x/in.png" alt="in">`, metaDescription: `Desc "quoted" <b>`, categories: ["Garden Tips"], tags: ["soil"], author: "Ana </script><script>alert(1)</script>" });
    const page = await get(a.site.slug, [post.slug]);
    expect(page.status).toBe(200);
    expect(page.header("content-type")).toBe("text/html; charset=utf-8");
    // No executable script anywhere, and user values escaped.
    expect(page.text).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).toContain("<h1>Soil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;beds&quot;</h1>");
    expect(meta(page.text, "description")).toBe("Desc &quot;quoted&quot; &lt;b&gt;");
    expect(page.text).toMatch(new RegExp(`<link rel="canonical" href="https?://[^/"]+/sites/${a.site.slug}/${post.slug}">`));
    expect(page.text).not.toMatch(/style="/);
    // Featured image: eager with its size; body images lazy.
    expect(page.text).toMatch(/<img src="\/media\/x\/featured.png" alt="A raised bed" class="h-featured" width="1200" height="675" sizes="[^"]+" fetchpriority="high"/);
    expect(page.text).toMatch(/<img src="\/media\/x\/in.png" alt="in" loading="lazy" decoding="async">/);
    // Archive links from the article.
    expect(page.text).toContain(`href="/sites/${a.site.slug}/category/garden-tips"`);
    expect(page.text).toContain(`href="/sites/${a.site.slug}/tag/soil"`);

    const [article, crumbs] = jsonLdOf(page.text);
    expect(article).toMatchObject({ "@context": "https://schema.org", "@type": "Article", headline: evil, author: { "@type": "Person", name: "Ana </script><script>alert(1)</script>" }, publisher: { "@type": "Organization" }, datePublished: post.publishedAt.toISOString() });
    expect((article.image as string[])[0]).toMatch(/^https?:\/\/.+\/media\/x\/featured\.png$/);
    expect(crumbs).toMatchObject({ "@type": "BreadcrumbList", itemListElement: [{ position: 1 }, { position: 2, name: "Garden Tips" }, { position: 3, name: evil }] });
  });

  it("the inline stylesheet is the one the CSP allows by hash; nothing else inline", async () => {
    const { a } = await twoTenants();
    const page = await get(a.site.slug);
    const styles = [...page.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toEqual([HOSTED_CSS]);
    const hash = `'sha256-${createHash("sha256").update(styles[0]).digest("base64")}'`;
    expect(hostedSecurityHeaders({ https: false, production: true })["Content-Security-Policy"]).toContain(`style-src 'self' ${hash}`);
  });

  it("the home: meta description from site settings, WebSite JSON-LD, pagination with rel links; archives with generated descriptions", async () => {
    const { a, b } = await twoTenants();
    await rootDb().site.update({ where: { id: a.site.id }, data: { description: "Notes from a small garden.", seoMetadata: { metaDescription: "Small-garden notes & tips." } } });
    for (let i = 0; i < PAGE_SIZE + 1; i++) await hostedPost(a.site, a.sector, { title: `Entry ${i}`, categories: i % 2 ? ["Soil"] : ["Beds & Borders"], tags: ["weekly"] });
    const home = await get(a.site.slug);
    expect(home.status).toBe(200);
    expect(meta(home.text, "description")).toBe("Small-garden notes &amp; tips.");
    expect(scriptsOf(home.text)).toHaveLength(1);
    expect(jsonLdOf(home.text)[0]).toMatchObject({ "@type": "WebSite", name: expect.any(String), url: expect.stringMatching(new RegExp(`/sites/${a.site.slug}$`)) });
    expect(home.text.match(/class="h-card"/g)).toHaveLength(PAGE_SIZE);
    expect(home.text).toMatch(new RegExp(`<link rel="next" href="[^"]+/sites/${a.site.slug}/page/2">`));
    // The first card's image is the LCP candidate: eager; the others lazy.
    expect(home.text.match(/fetchpriority="high"/g)).toHaveLength(1);
    expect(home.text.match(/loading="lazy"/g)!.length).toBe(PAGE_SIZE - 1);

    const second = await get(a.site.slug, ["page", "2"]);
    expect(second.status).toBe(200);
    expect(second.text.match(/class="h-card"/g)).toHaveLength(1);
    expect(second.text).toMatch(/<link rel="prev" href="[^"]+">/);
    expect((await get(a.site.slug, ["page", "3"])).status).toBe(404);

    const category = await get(a.site.slug, ["category", "beds-borders"]);
    expect(category.status).toBe(200);
    expect(category.text).toContain("<h1>Beds &amp; Borders</h1>");
    expect(meta(category.text, "description")).toMatch(/^7 articles about Beds &amp; Borders from /);
    const tag = await get(a.site.slug, ["tag", "weekly"]);
    expect(tag.text.match(/class="h-card"/g)).toHaveLength(PAGE_SIZE);
    expect((await get(a.site.slug, ["tag", "weekly", "page", "2"])).status).toBe(200);
    expect((await get(a.site.slug, ["category", "nope"])).status).toBe(404);
    expect((await get(a.site.slug, ["tag", "weekly", "page", "3"])).status).toBe(404);
    // Another site's posts in a category of the same name are not this archive's.
    await hostedPost(b.site, b.sector, { title: "Elsewhere", categories: ["Soil"] });
    expect(meta((await get(a.site.slug, ["category", "soil"])).text, "description")).toMatch(/^6 articles about Soil from /);
  });

  it("a missing page: the site's own 404 page, not cacheable; an unknown or inactive site: 404, not cacheable", async () => {
    const { a } = await twoTenants();
    const missing = await get(a.site.slug, ["no-such-post"]);
    expect(missing.status).toBe(404);
    expect(missing.header("cache-control")).toBe("no-store");
    expect(missing.text).toContain("Page not found");
    expect(missing.text).toContain('<meta name="robots" content="noindex">');
    const post = await hostedPost(a.site, a.sector);
    expect((await get(a.site.slug, [post.slug])).header("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    await rootDb().site.update({ where: { id: a.site.id }, data: { isActive: false, status: "inactive" } });
    const { dropRendered } = await import("@/lib/hosted/cache");
    dropRendered(a.site.slug);
    for (const path of [[], [post.slug], ["rss.xml"], ["sitemap.xml"]]) {
      const inactive = await get(a.site.slug, path);
      expect(inactive.status).toBe(404);
      expect(inactive.header("cache-control")).toBe("no-store");
      expect(inactive.header("etag")).toBeNull();
    }
    expect((await get("no-such-site-anywhere")).header("cache-control")).toBe("no-store");
  });
});

describe("HTTP caching", () => {
  it("public Cache-Control, ETag and Last-Modified; 304 on If-None-Match and If-Modified-Since; served from memory the second time", async () => {
    const { a } = await twoTenants();
    const post = await hostedPost(a.site, a.sector);
    const first = await get(a.site.slug, [post.slug]);
    expect(first.header("cache-control")).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const etag = first.header("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    const lastModified = first.header("last-modified")!;
    expect(new Date(lastModified).getTime()).toBe(Math.floor(post.updatedAt.getTime() / 1000) * 1000);
    expect(first.header("x-hosted-site")).toBeNull();

    const again = await get(a.site.slug, [post.slug]);
    expect(again.header("x-hosted-cache")).toBe("HIT");
    expect(again.text).toBe(first.text);

    const byEtag = await get(a.site.slug, [post.slug], { "if-none-match": `"other", ${etag}` });
    expect(byEtag.status).toBe(304);
    expect(byEtag.text).toBe("");
    expect(byEtag.header("etag")).toBe(etag);
    expect(byEtag.header("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect((await get(a.site.slug, [post.slug], { "if-none-match": '"stale"' })).status).toBe(200);
    expect((await get(a.site.slug, [post.slug], { "if-modified-since": lastModified })).status).toBe(304);
    expect((await get(a.site.slug, [post.slug], { "if-modified-since": new Date(Date.parse(lastModified) - 5_000).toUTCString() })).status).toBe(200);

    for (const path of [["rss.xml"], ["sitemap.xml"], ["sitemap-posts.xml"], ["robots.txt"], ["favicon.svg"]]) {
      const doc = await get(a.site.slug, path);
      expect(doc.status, path[0]).toBe(200);
      expect(doc.header("cache-control"), path[0]).toBe(PUBLIC_CACHE_CONTROL);
      expect(doc.header("etag"), path[0]).toBeTruthy();
    }
  });

  it("publishing and unpublishing purge the cached pages (and call the CDN purge hook); a draft is never shown", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const hook: unknown[] = [];
    const { createServer } = await import("node:http");
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c)).on("end", () => {
        hook.push(JSON.parse(body));
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.HOSTED_PURGE_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}/purge`;
    try {
      const before = await get(a.site.slug);
      expect(before.text).toContain("No articles yet.");
      expect((await get(a.site.slug)).header("x-hosted-cache")).toBe("HIT");

      const content = await createArticle(a.site, a.sector, { title: "Compost <basics>", categories: ["Soil"] });
      await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
      await rt.idle();
      const after = await get(a.site.slug);
      expect(after.header("x-hosted-cache")).toBe("MISS");
      expect(after.text).toContain("Compost &lt;basics&gt;");
      expect(after.header("etag")).not.toBe(before.header("etag"));
      const article = await get(a.site.slug, [content.slug]);
      expect(article.status).toBe(200);
      // The stored image's size reaches the page.
      expect(article.text).toMatch(/class="h-featured" width="6" height="4"/);
      await expect.poll(() => hook.length).toBeGreaterThan(0);
      expect(hook[0]).toMatchObject({ event: "hosted.purge", site: a.site.slug, prefixes: [expect.stringContaining(`/sites/${a.site.slug}/`)] });

      await callApi(unpublish.POST, { method: "POST", token, body: { content_id: content.id } });
      expect((await get(a.site.slug, [content.slug])).status).toBe(404);
      expect((await get(a.site.slug)).text).not.toContain("Compost");

      // A draft publish to the hosted site shows nothing.
      await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"], status: "draft" } });
      await rt.idle();
      const draft = await get(a.site.slug, [content.slug]);
      expect(draft.status).toBe(404);
      expect(draft.header("cache-control")).toBe("no-store");
    } finally {
      delete process.env.HOSTED_PURGE_WEBHOOK_URL;
      server.close();
    }
  });

  it("a site change (name) purges the site's pages", async () => {
    const { a } = await twoTenants();
    await hostedPost(a.site, a.sector);
    expect((await get(a.site.slug)).status).toBe(200);
    expect((await get(a.site.slug)).header("x-hosted-cache")).toBe("HIT");
    const ctx = await contextFor(a.owner.id);
    await updateSite(scoped(ctx), ctx, a.site.id, { name: "Renamed & Co", domain: undefined, wpUrl: undefined });
    const after = await get(a.site.slug);
    expect(after.header("x-hosted-cache")).toBe("MISS");
    expect(after.text).toContain("<title>Renamed &amp; Co</title>");
  });
});

describe("slug and title changes", () => {
  it("a published article's old URL answers 301 to the new one; the new title reaches <title>, Open Graph and the feed", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const content = await createArticle(a.site, a.sector);
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    expect((await get(a.site.slug, [content.slug])).status).toBe(200);
    expect((await get(a.site.slug, ["rss.xml"])).text).toContain(content.title);

    await rootDb().content.update({ where: { id: content.id }, data: { slug: `${content.slug}-moved`, title: "A new title", metaTitle: "" } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    const old = await get(a.site.slug, [content.slug]);
    expect(old.status).toBe(301);
    expect(old.header("location")).toBe(`/sites/${a.site.slug}/${content.slug}-moved`);
    const moved = await get(a.site.slug, [`${content.slug}-moved`]);
    expect(moved.status).toBe(200);
    expect(moved.text).toContain(`<title>A new title · `);
    expect(meta(moved.text, "og:title")).toMatch(/^A new title/);
    const feed = (await get(a.site.slug, ["rss.xml"])).text;
    expect(feed).toContain("<title>A new title</title>");
    expect(feed).not.toContain(`/${content.slug}</link>`);
    // Moving back: the slug is live again, no redirect loop.
    await rootDb().content.update({ where: { id: content.id }, data: { slug: content.slug } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    expect((await get(a.site.slug, [content.slug])).status).toBe(200);
    expect((await get(a.site.slug, [`${content.slug}-moved`])).header("location")).toBe(`/sites/${a.site.slug}/${content.slug}`);
  });
});

describe("feeds and sitemaps", () => {
  it("RSS (summary and full content) and the sitemap index parse as XML with the right entries", async () => {
    const { a } = await twoTenants();
    await rootDb().sitePage.create({ data: { accountId: a.site.accountId, siteId: a.site.id, title: "About", slug: "about", html: "<p>About us.</p>" } });
    const p1 = await hostedPost(a.site, a.sector, { title: "Beds & <borders>", html: "<p>Full ]]> text</p>", metaDescription: "Short." });
    const parser = new XMLParser({ ignoreAttributes: false });
    const rss = await get(a.site.slug, ["rss.xml"]);
    expect(rss.header("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(XMLValidator.validate(rss.text)).toBe(true);
    const channel = parser.parse(rss.text).rss.channel;
    expect(channel.item).toMatchObject({ title: "Beds & <borders>", description: "Short.", link: expect.stringMatching(new RegExp(`/sites/${a.site.slug}/${p1.slug}$`)) });
    expect(channel.item["content:encoded"]).toBeUndefined();
    const full = await get(a.site.slug, ["rss-full.xml"]);
    expect(XMLValidator.validate(full.text)).toBe(true);
    expect(parser.parse(full.text).rss.channel.item["content:encoded"]).toBe("<p>Full ]]> text</p>");

    const index = await get(a.site.slug, ["sitemap.xml"]);
    expect(XMLValidator.validate(index.text)).toBe(true);
    const sitemaps = parser.parse(index.text).sitemapindex.sitemap as { loc: string; lastmod: string }[];
    expect(sitemaps.map((s) => s.loc.replace(/^.*\//, ""))).toEqual(["sitemap-posts.xml", "sitemap-pages.xml"]);
    for (const s of sitemaps) expect(Number.isNaN(Date.parse(s.lastmod))).toBe(false);
    const posts = parser.parse((await get(a.site.slug, ["sitemap-posts.xml"])).text).urlset.url;
    expect(posts).toMatchObject({ loc: expect.stringMatching(new RegExp(`/${p1.slug}$`)), lastmod: p1.updatedAt.toISOString() });
    const pages = parser.parse((await get(a.site.slug, ["sitemap-pages.xml"])).text).urlset.url as { loc: string }[];
    expect(pages.map((u) => u.loc.replace(/^.*\/sites\/[^/]+/, ""))).toEqual(["", "/about"]);
    const robots = await get(a.site.slug, ["robots.txt"]);
    expect(robots.text).toMatch(new RegExp(`^User-agent: \\*\\nAllow: /sites/${a.site.slug}/\\nSitemap: https?://.+/sites/${a.site.slug}/sitemap.xml\\n$`));
  });
});

describe("links inside a hosted site", () => {
  it("links to the site's own articles point where the site is served; a link to an unpublished article stays text", async () => {
    const { a } = await twoTenants();
    await rootDb().site.update({ where: { id: a.site.id }, data: { domain: `https://garden-${a.site.id}.example` } });
    const target = await hostedPost(a.site, a.sector, { slug: `target-${a.site.id}` });
    const draft = await rootDb().content.create({ data: { accountId: a.site.accountId, siteId: a.site.id, sectorId: a.sector.id, title: "Not yet", slug: `later-${a.site.id}`, status: "review" } });
    const html = [
      `<p>See <a href="https://garden-${a.site.id}.example/${target.slug}">the target</a>,`,
      ` <a href="https://www.garden-${a.site.id}.example/${target.slug}#part">its part</a>,`,
      ` <a href="/sites/${a.site.slug}/${target.slug}">by path</a>,`,
      ` <a href="https://garden-${a.site.id}.example/${draft.slug}">a later <em>one</em></a>`,
      ` and <a href="https://elsewhere.example/x">elsewhere</a>.</p>`,
    ].join("");
    const post = await hostedPost(a.site, a.sector, { html });
    const underApp = (await get(a.site.slug, [post.slug])).text;
    expect(underApp.match(new RegExp(`href="/sites/${a.site.slug}/${target.slug}"`, "g"))).toHaveLength(2);
    expect(underApp).toContain(`href="/sites/${a.site.slug}/${target.slug}#part"`);
    expect(underApp).toContain("a later <em>one</em>");
    expect(underApp).not.toContain(draft.slug);
    expect(underApp).toContain('href="https://elsewhere.example/x"');
    // Canonical on the site's domain.
    expect(underApp).toContain(`<link rel="canonical" href="https://garden-${a.site.id}.example/${post.slug}">`);

    // Served at the domain: root-relative links.
    const onDomain = await get(a.site.slug, [post.slug], { [HOSTED_HOST_HEADER]: `garden-${a.site.id}.example` });
    expect(onDomain.text).toContain(`href="/${target.slug}"`);
    expect(onDomain.text).toContain(`<a class="h-brand" href="/">`);

    // Once the target is published (a publish purges the site), the link appears.
    await hostedPost(a.site, a.sector, { slug: draft.slug });
    const { invalidateHostedSite } = await import("@/lib/sites/hosted-cache");
    invalidateHostedSite(a.site.slug);
    expect((await get(a.site.slug, [post.slug])).text).toContain(`href="/sites/${a.site.slug}/${draft.slug}">a later <em>one</em></a>`);
  });
});
