// Own domains: proxy.ts maps Host → site (domain and www alias) and rewrites to the renderer; the
// app's own host stays the app; an unknown host gets a 404 page when the app's address is known.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import * as hostedRoute from "@/app/sites/[slug]/[[...path]]/route";
import { rootDb } from "@/lib/db/client";
import { HOSTED_HOST_HEADER } from "@/lib/hosted/address";
import { forgetDomains } from "@/lib/hosted/cache";
import { proxy } from "@/proxy";
import { twoTenants } from "@/tests/fixtures/factories";

afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.HOSTED_APP_HOSTS;
});

const call = async (url: string, headers: Record<string, string>) => proxy(new NextRequest(url, { headers }));
const rewriteOf = (response: Response) => {
  const to = response.headers.get("x-middleware-rewrite");
  return to ? new URL(to).pathname + new URL(to).search : null;
};

async function siteWithDomain(domain: (id: number) => string) {
  const { a } = await twoTenants();
  const site = await rootDb().site.update({ where: { id: a.site.id }, data: { domain: domain(a.site.id) } });
  forgetDomains();
  return { ...a, site };
}

describe("own domains", () => {
  it("a site's domain and its www alias serve the site at the root; the host reaches the renderer", async () => {
    const { site, sector } = await siteWithDomain((id) => `https://garden-${id}.example`);
    const host = `garden-${site.id}.example`;
    const home = await call(`http://${host}/`, { host });
    expect(rewriteOf(home)).toBe(`/sites/${site.slug}`);
    expect(home.headers.get("x-middleware-request-x-hosted-host")).toBe(host);
    expect(home.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(rewriteOf(await call(`http://www.${host}/a-post?x=1`, { host: `WWW.${host}:443` }))).toBe(`/sites/${site.slug}/a-post?x=1`);
    expect(rewriteOf(await call(`http://${host}/robots.txt`, { host }))).toBe(`/sites/${site.slug}/robots.txt`);
    // Stored images stay where they are served.
    expect(rewriteOf(await call(`http://${host}/media/k/x.png`, { host }))).toBeNull();

    // What the renderer makes of it: canonical, links and feeds on the domain.
    const content = await rootDb().content.create({ data: { accountId: site.accountId, siteId: site.id, sectorId: sector.id, title: "Hello", slug: `hello-${site.id}`, status: "published" } });
    await rootDb().hostedPost.create({ data: { accountId: site.accountId, siteId: site.id, contentId: content.id, slug: content.slug, title: "Hello", html: "<p>Hi.</p>", publishedAt: new Date() } });
    const res = await hostedRoute.GET(new NextRequest(`http://localhost/sites/${site.slug}`, { headers: { [HOSTED_HOST_HEADER]: host } }), { params: Promise.resolve({ slug: site.slug, path: [] }) });
    const html = await res.text();
    expect(html).toContain(`<link rel="canonical" href="https://${host}">`);
    expect(html).toContain(`href="/${content.slug}"`);
    expect(html).toContain(`href="/rss.xml"`);
    const rss = await hostedRoute.GET(new NextRequest(`http://localhost/sites/${site.slug}/rss.xml`, { headers: { [HOSTED_HOST_HEADER]: host } }), { params: Promise.resolve({ slug: site.slug, path: ["rss.xml"] }) });
    expect(await rss.text()).toContain(`<link>https://${host}/${content.slug}</link>`);
    const robots = await hostedRoute.GET(new NextRequest(`http://localhost/sites/${site.slug}/robots.txt`, { headers: { [HOSTED_HOST_HEADER]: host } }), { params: Promise.resolve({ slug: site.slug, path: ["robots.txt"] }) });
    expect(await robots.text()).toBe(`User-agent: *\nAllow: /\nSitemap: https://${host}/sitemap.xml\n`);
  });

  it("the app's own host is the app; a client cannot claim a site's host on it", async () => {
    const { site } = await siteWithDomain((id) => `https://shop-${id}.example`);
    process.env.APP_URL = "https://studio.example";
    const app = await call("http://studio.example/sites", { host: "studio.example" });
    expect(rewriteOf(app)).toBeNull();
    expect(app.status).toBe(307); // sign-in redirect: the app, not a site
    const spoof = await call(`http://studio.example/sites/${site.slug}`, { host: "studio.example", [HOSTED_HOST_HEADER]: `shop-${site.id}.example` });
    expect(rewriteOf(spoof)).toBeNull();
    expect(spoof.headers.get("x-middleware-request-x-hosted-host")).toBeNull();
    expect(spoof.headers.get("x-middleware-override-headers")).not.toContain(HOSTED_HOST_HEADER);
    // Loopback and IP addresses are always the app.
    expect(rewriteOf(await call("http://127.0.0.1:3000/", { host: "127.0.0.1:3000" }))).toBeNull();
    process.env.HOSTED_APP_HOSTS = "studio.internal";
    expect((await call("http://studio.internal/sign-in", { host: "studio.internal" })).status).toBe(200);
  });

  it("an unknown host gets a 404 page (the app's address configured), an inactive site's domain too", async () => {
    const { site } = await siteWithDomain((id) => `https://closed-${id}.example`);
    process.env.APP_URL = "https://studio.example";
    const unknown = await call("http://nobody.example/", { host: "nobody.example" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Site not found");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    expect(unknown.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    await rootDb().site.update({ where: { id: site.id }, data: { isActive: false, status: "inactive" } });
    forgetDomains();
    expect((await call(`http://closed-${site.id}.example/`, { host: `closed-${site.id}.example` })).status).toBe(404);
    // Without a configured address (development), an unknown host is the app.
    delete process.env.APP_URL;
    expect(rewriteOf(await call("http://nobody.example/sign-in", { host: "nobody.example" }))).toBeNull();
    expect((await call("http://nobody.example/sign-in", { host: "nobody.example" })).status).toBe(200);
  });
});
