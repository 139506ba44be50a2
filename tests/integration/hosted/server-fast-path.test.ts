// server.mjs's hosted fast path (lib/hosted/server-handler.ts): hosted pages answered without entering
// Next, with the same routing as proxy.ts, the same bytes and headers as the route handler, 304s, the
// same caches and purge; the app's own requests are left to Next. The last test bundles it as the
// build does (scripts/hosted/bundle.mjs) and serves a page from the bundle.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { gunzipSync } from "node:zlib";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as hostedRoute from "@/app/sites/[slug]/[[...path]]/route";
import { rootDb } from "@/lib/db/client";
import { forgetDomains } from "@/lib/hosted/cache";
import { serveHosted } from "@/lib/hosted/server-handler";
import { PUBLIC_CACHE_CONTROL, renderHosted } from "@/lib/hosted/service";
import { hostedSecurityHeaders } from "@/lib/http/security-headers";
import { getHostedResponse, invalidateHostedSite } from "@/lib/sites/hosted-cache";
import { twoTenants } from "@/tests/fixtures/factories";

type Serve = (req: IncomingMessage, res: ServerResponse, key: string | null) => Promise<boolean>;
/** server.mjs's key for its copy of the bytes (host | path | encoding). */
const keyOf = (req: IncomingMessage) => `${(req.headers.host ?? "").toLowerCase()}|${(req.url ?? "").split("?")[0]}|${/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") ? "gz" : "id"}`;

/** A server like server.mjs: the fast path first, else "Next" (here a 599 that says so). */
async function listen(serve: Serve) {
  const server = createServer(async (req, res) => {
    if (await serve(req, res, keyOf(req))) return;
    res.writeHead(599).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base };
}

let fast: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  fast = await listen(serveHosted);
});
afterAll(() => fast.server.close());
afterEach(() => {
  delete process.env.APP_URL;
});

/** A plain request (node:http: it may set Host, and asks for no compression unless told). */
function get(path: string, headers: Record<string, string> = {}, base = fast.base, method = "GET"): Promise<{ status: number; text: string; header: (name: string) => string | null }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const text = res.headers["content-encoding"] === "gzip" ? gunzipSync(body).toString() : body.toString();
        resolve({ status: res.statusCode!, text, header: (name) => (res.headers[name.toLowerCase()] as string | undefined) ?? null });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function publishedPost(site: { id: number; accountId: number }, sector: { id: number }, slug: string, data: { title?: string; previousSlugs?: string[] } = {}) {
  const content = await rootDb().content.create({ data: { accountId: site.accountId, siteId: site.id, sectorId: sector.id, title: data.title ?? "Soil", slug, status: "published" } });
  return rootDb().hostedPost.create({ data: { accountId: site.accountId, siteId: site.id, contentId: content.id, slug, title: data.title ?? "Soil", html: `<p>${"Raised beds drain well. ".repeat(80)}</p>`, publishedAt: new Date(), previousSlugs: data.previousSlugs ?? [] } });
}

describe("hosted fast path (server.mjs, outside Next)", () => {
  it("answers a hosted page with the route handler's bytes and headers plus proxy.ts's security headers", async () => {
    const { a } = await twoTenants();
    const post = await publishedPost(a.site, a.sector, `fast-${a.site.id}`);
    invalidateHostedSite(a.site.slug);
    const page = await get(`/sites/${a.site.slug}/${post.slug}?utm=x`);
    expect(page.status).toBe(200);
    expect(page.header("x-hosted-cache")).toBe("SERVER-MISS");
    const viaNext = await hostedRoute.GET(new NextRequest(`http://localhost/sites/${a.site.slug}/${post.slug}`), { params: Promise.resolve({ slug: a.site.slug, path: [post.slug] }) });
    expect(page.text).toBe(await viaNext.text());
    for (const name of ["content-type", "cache-control", "etag", "last-modified"]) expect(page.header(name), name).toBe(viaNext.headers.get(name));
    // The copy's site stays in memory: no internal tag is sent.
    expect(viaNext.headers.get("x-hosted-site")).toBeNull();
    expect(page.header("x-hosted-site")).toBeNull();
    // Framing is refused by the policy's frame-ancestors alone.
    expect(page.header("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.header("x-frame-options")).toBeNull();
    expect(page.header("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    for (const [name, value] of Object.entries(hostedSecurityHeaders({ https: false, production: false }))) expect(page.header(name), name).toBe(value);
    expect(page.header("x-request-id")).toMatch(/^[\w-]{8,}$/);

    // 304s from the validators; gzip when asked; HEAD without a body.
    expect((await get(`/sites/${a.site.slug}/${post.slug}`, { "if-none-match": page.header("etag")! })).status).toBe(304);
    expect((await get(`/sites/${a.site.slug}/${post.slug}`, { "if-modified-since": page.header("last-modified")! })).status).toBe(304);
    const gz = await get(`/sites/${a.site.slug}/${post.slug}`, { "accept-encoding": "gzip, br" });
    expect(gz.header("content-encoding")).toBe("gzip");
    expect(gz.header("vary")).toBe("Accept-Encoding");
    expect(gz.text).toBe(page.text);
    const head = await get(`/sites/${a.site.slug}/${post.slug}`, {}, fast.base, "HEAD");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.header("etag")).toBe(page.header("etag"));
    expect((await get(`/sites/${a.site.slug}/${post.slug}`)).header("x-hosted-cache")).toBe("SERVER-HIT");
  });

  it("keeps a copy of public pages for server.mjs, tagged with the site; publishing changes are shown after the purge", async () => {
    const { a } = await twoTenants();
    const post = await publishedPost(a.site, a.sector, `purge-${a.site.id}`, { title: "Before" });
    invalidateHostedSite(a.site.slug);
    const first = await get(`/sites/${a.site.slug}/${post.slug}`);
    const key = `${new URL(fast.base).host}|/sites/${a.site.slug}/${post.slug}|id`;
    const copy = getHostedResponse(key)!;
    expect(copy.site).toBe(a.site.slug);
    expect(copy.body.toString()).toBe(first.text);
    expect(copy.headers["x-request-id"]).toBeUndefined();

    await rootDb().hostedPost.update({ where: { id: post.id }, data: { title: "After" } });
    invalidateHostedSite(a.site.slug);
    expect(getHostedResponse(key)).toBeUndefined();
    const after = await get(`/sites/${a.site.slug}/${post.slug}`);
    expect(after.header("x-hosted-cache")).toBe("SERVER-MISS");
    expect(after.text).toContain("<h1>After</h1>");
  });

  it("a purge made on another thread (the app's, in server.mjs's worker) drops this thread's copies, and this thread's purges reach the others", async () => {
    const { a, b } = await twoTenants();
    const post = await publishedPost(a.site, a.sector, `thread-${a.site.id}`);
    const other = await publishedPost(b.site, b.sector, `thread-${b.site.id}`);
    await get(`/sites/${a.site.slug}/${post.slug}`);
    await get(`/sites/${b.site.slug}/${other.slug}`);
    const key = (slug: string, postSlug: string) => `${new URL(fast.base).host}|/sites/${slug}/${postSlug}|id`;
    expect(getHostedResponse(key(a.site.slug, post.slug))).toBeDefined();

    const heard: string[] = [];
    const worker = new Worker(
      `const { BroadcastChannel, parentPort, workerData } = require("node:worker_threads");
       const channel = new BroadcastChannel("hosted-site-purges");
       channel.onmessage = (event) => parentPort.postMessage(event.data);
       parentPort.on("message", (slug) => channel.postMessage(slug));
       parentPort.postMessage("listening");`,
      { eval: true },
    );
    try {
      worker.on("message", (message: string) => heard.push(message));
      await expect.poll(() => heard).toContain("listening");
      worker.postMessage(a.site.slug);
      await expect.poll(() => getHostedResponse(key(a.site.slug, post.slug))).toBeUndefined();
      expect(getHostedResponse(key(b.site.slug, other.slug))).toBeDefined(); // another site's copy stays
      invalidateHostedSite(b.site.slug);
      await expect.poll(() => heard).toContain(b.site.slug);
    } finally {
      await worker.terminate();
    }
  });

  it("missing pages and unknown sites: the 404 page, no-store, never kept; an old slug: 301", async () => {
    const { a } = await twoTenants();
    await publishedPost(a.site, a.sector, `now-${a.site.id}`, { previousSlugs: [`then-${a.site.id}`] });
    const missing = await get(`/sites/${a.site.slug}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.header("cache-control")).toBe("no-store");
    expect(missing.text).toContain("Page not found");
    expect(getHostedResponse(`${new URL(fast.base).host}|/sites/${a.site.slug}/nothing-here|id`)).toBeUndefined();
    expect((await get("/sites/no-such-site-anywhere")).status).toBe(404);
    const moved = await get(`/sites/${a.site.slug}/then-${a.site.id}`);
    expect(moved.status).toBe(301);
    expect(moved.header("location")).toBe(`/sites/${a.site.slug}/now-${a.site.id}`);
  });

  it("routes by Host as proxy.ts does: a site's domain and www alias at the root, /media/ and the app's own requests to Next, unknown hosts 404 once the app's address is known", async () => {
    const { a } = await twoTenants();
    await rootDb().site.update({ where: { id: a.site.id }, data: { domain: `https://fast-${a.site.id}.example` } });
    forgetDomains();
    const post = await publishedPost(a.site, a.sector, `domain-${a.site.id}`);
    const host = `fast-${a.site.id}.example`;
    const onDomain = await get(`/${post.slug}`, { host });
    expect(onDomain.status).toBe(200);
    expect(onDomain.text).toContain(`<link rel="canonical" href="https://${host}/${post.slug}">`);
    expect(onDomain.text).toContain(`href="/rss.xml"`);
    const www = await get("/", { host: `WWW.${host}:443` });
    expect(www.status).toBe(200);
    expect(www.text).toContain(`href="/${post.slug}"`);
    expect((await get("/media/k/x.png", { host })).status).toBe(599);
    expect((await get("/api/health", { host })).status).toBe(404); // a site's domain has no API: its 404 page

    // The app's own requests.
    expect((await get("/sites")).status).toBe(599);
    expect((await get("/dashboard")).status).toBe(599);
    expect((await get("/api/health")).status).toBe(599);
    expect((await get(`/sites/${a.site.slug}`, {}, fast.base, "POST")).status).toBe(599);

    // Unknown host: the app answers in development, a 404 page once APP_URL says which host is the app.
    expect((await get("/", { host: "unknown-host.example" })).status).toBe(599);
    process.env.APP_URL = "https://studio.example";
    const unknown = await get("/", { host: "unknown-host.example" });
    expect(unknown.status).toBe(404);
    expect(unknown.header("cache-control")).toBe("no-store");
    expect(unknown.text).toContain("Site not found");
    expect((await get("/sites", { host: "studio.example" })).status).toBe(599);
  });

  it("HOSTED_CACHE_TTL_MS=0 keeps no copies: every request renders from the database (how the benchmark measures misses)", async () => {
    const { a } = await twoTenants();
    const post = await publishedPost(a.site, a.sector, `nocache-${a.site.id}`);
    invalidateHostedSite(a.site.slug);
    process.env.HOSTED_CACHE_TTL_MS = "0";
    try {
      for (let i = 0; i < 3; i++) expect((await renderHosted({ slug: a.site.slug, path: [post.slug] })).hit).toBe(false);
    } finally {
      delete process.env.HOSTED_CACHE_TTL_MS;
    }
    await renderHosted({ slug: a.site.slug, path: [post.slug] });
    expect((await renderHosted({ slug: a.site.slug, path: [post.slug] })).hit).toBe(true);
  });

  it("the bundle the build makes (scripts/hosted/bundle.mjs) loads and serves a page", { timeout: 120_000 }, async () => {
    const { a } = await twoTenants();
    const post = await publishedPost(a.site, a.sector, `bundled-${a.site.id}`);
    mkdirSync(".data", { recursive: true });
    const dir = mkdtempSync(path.resolve(".data", "hosted-bundle-"));
    try {
      const built = spawnSync(process.execPath, ["scripts/hosted/bundle.mjs", dir], { encoding: "utf8" });
      expect(built.status, built.stderr).toBe(0);
      const bundle = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, "hosted-server.mjs")).href)) as { serveHosted: Serve };
      const bundled = await listen(bundle.serveHosted);
      try {
        invalidateHostedSite(a.site.slug);
        const page = await get(`/sites/${a.site.slug}/${post.slug}`, {}, bundled.base);
        expect(page.status).toBe(200);
        expect(page.header("x-hosted-cache")).toBe("SERVER-MISS");
        expect(page.text).toContain("<h1>Soil</h1>");
        expect((await get("/dashboard", {}, bundled.base)).status).toBe(599);
      } finally {
        bundled.server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
