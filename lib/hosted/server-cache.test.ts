// server.mjs's copy of hosted pages (lib/hosted/server-cache.mjs): a hit is answered synchronously in
// the request callback with the kept headers, its own request id, 304s and HEAD; keys hold the host,
// the path without the query and the encoding; stale and purged copies are not served; requests that
// can never be hosted pages (POST, /api/, signed-in browsers) have no key.
import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHostedResponse, invalidateHostedSite, storeHostedResponse } from "@/lib/sites/hosted-cache";
import { cacheKeyOf, serveHit } from "./server-cache.mjs";

const TTL_MS = 60_000;
/** Per request: whether serveHit had answered before the callback returned. */
const answeredInCallback: boolean[] = [];
let base: string;
let host: string;
let ttl = TTL_MS;
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const key = cacheKeyOf(req);
  const served = key !== null && serveHit(req, res, key, ttl);
  answeredInCallback.push(served && res.writableEnded);
  if (!served) res.writeHead(599, { "x-key": key ?? "none" }).end("next");
});
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});
afterAll(() => {
  agent.destroy();
  server.close();
});

type Answer = { status: number; body: Buffer; headers: IncomingMessage["headers"] };
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

const HTML = Buffer.from(`<!doctype html><title>Soil</title>${"<p>Raised beds drain well.</p>".repeat(60)}`);
const ETAG = 'W/"abc123"';
const LAST_MODIFIED = "Sat, 05 Dec 2026 10:00:00 GMT";
function keep(path: string, site: string, encoding: "id" | "gz" = "id", body = HTML) {
  storeHostedResponse(`${host}|${path}|${encoding}`, {
    status: 200,
    site,
    body: encoding === "gz" ? gzipSync(body) : body,
    headers: {
      "content-type": "text/html; charset=utf-8",
      ...(encoding === "gz" ? { "content-encoding": "gzip" } : {}),
      "cache-control": "public, max-age=60, s-maxage=600, stale-while-revalidate=86400",
      etag: ETAG,
      "last-modified": LAST_MODIFIED,
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
    },
  });
}

describe("server.mjs's hosted copy (server-cache.mjs)", () => {
  it("answers a hit synchronously with the kept headers, its length and a fresh request id each time; the query is ignored", async () => {
    keep("/sites/garden/soil", "garden");
    answeredInCallback.length = 0;
    const first = await get("/sites/garden/soil?utm_source=x");
    const second = await get("/sites/garden/soil");
    expect(answeredInCallback).toEqual([true, true]);
    for (const page of [first, second]) {
      expect(page.status).toBe(200);
      expect(page.body.equals(HTML)).toBe(true);
      expect(page.headers["x-hosted-cache"]).toBe("SERVER-HIT");
      expect(page.headers["content-length"]).toBe(String(HTML.length));
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(page.headers["cache-control"]).toMatch(/^public, /);
      expect(page.headers.etag).toBe(ETAG);
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    }
    expect(first.headers["x-request-id"]).not.toBe(second.headers["x-request-id"]);
    expect(String(first.headers["x-request-id"]).split("-")[0]).toBe(String(second.headers["x-request-id"]).split("-")[0]);
  });

  it("keeps a gzip copy apart from the plain one", async () => {
    keep("/sites/garden/beds", "garden", "gz");
    const gz = await get("/sites/garden/beds", { "accept-encoding": "gzip, br" });
    expect(gz.headers["x-hosted-cache"]).toBe("SERVER-HIT");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.equals(gzipSync(HTML))).toBe(true);
    const plain = await get("/sites/garden/beds");
    expect(plain.status).toBe(599); // no plain copy yet: "Next" answers
    expect(plain.headers["x-key"]).toBe(`${host}|/sites/garden/beds|id`);
  });

  it("answers 304 to a matching If-None-Match (weak, in a list, *) or If-Modified-Since, without body headers; 200 otherwise; HEAD has no body", async () => {
    keep("/sites/garden/paths", "garden");
    for (const headers of <Record<string, string>[]>[{ "if-none-match": ETAG }, { "if-none-match": '"abc123"' }, { "if-none-match": `"x", ${ETAG}` }, { "if-none-match": "*" }, { "if-modified-since": LAST_MODIFIED }, { "if-modified-since": "Sun, 06 Dec 2026 10:00:00 GMT" }]) {
      const page = await get("/sites/garden/paths", headers);
      expect(page.status, JSON.stringify(headers)).toBe(304);
      expect(page.body.length).toBe(0);
      expect(page.headers["x-hosted-cache"]).toBe("SERVER-HIT");
      expect(page.headers.etag).toBe(ETAG);
      expect(page.headers["content-type"]).toBeUndefined();
      expect(page.headers["content-length"]).toBeUndefined();
      expect(page.headers["cache-control"]).toMatch(/^public, /);
      expect(page.headers["last-modified"]).toBe(LAST_MODIFIED);
      expect(page.headers["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    }
    // A changed page, or an older copy at the client: the bytes (If-None-Match wins over If-Modified-Since).
    for (const headers of <Record<string, string>[]>[{ "if-none-match": 'W/"other"' }, { "if-modified-since": "Fri, 04 Dec 2026 10:00:00 GMT" }, { "if-none-match": 'W/"other"', "if-modified-since": LAST_MODIFIED }, { "if-modified-since": "not a date" }]) {
      const page = await get("/sites/garden/paths", headers);
      expect(page.status, JSON.stringify(headers)).toBe(200);
      expect(page.body.equals(HTML)).toBe(true);
      expect(page.headers["content-length"]).toBe(String(HTML.length));
    }
    const head = await get("/sites/garden/paths", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(HTML.length));
  });

  it("a stale copy is dropped and not served; a purge of the site drops its copies only", async () => {
    keep("/sites/garden/old", "garden");
    ttl = 0;
    await new Promise((r) => setTimeout(r, 5));
    try {
      expect((await get("/sites/garden/old")).status).toBe(599);
    } finally {
      ttl = TTL_MS;
    }
    expect(getHostedResponse(`${host}|/sites/garden/old|id`)).toBeUndefined();

    keep("/sites/garden/new", "garden");
    keep("/sites/orchard/new", "orchard");
    expect((await get("/sites/garden/new")).status).toBe(200);
    invalidateHostedSite("garden");
    expect((await get("/sites/garden/new")).status).toBe(599);
    expect((await get("/sites/orchard/new")).status).toBe(200);
  });

  it("has no key for requests that are never a hosted page: other methods, /api/, /_next/, a signed-in browser; the host is part of the key", async () => {
    keep("/sites/garden/key", "garden");
    expect((await get("/sites/garden/key", {}, "POST")).headers["x-key"]).toBe("none");
    expect((await get("/sites/garden/key", { cookie: "a=1; __Secure-authjs.session-token=abc" })).headers["x-key"]).toBe("none");
    expect((await get("/api/health")).headers["x-key"]).toBe("none");
    expect((await get("/_next/static/x.js")).headers["x-key"]).toBe("none");
    expect((await get("/sites/garden/key", { cookie: "theme=dark" })).status).toBe(200);
    const other = await get("/sites/garden/key", { host: "garden.example" });
    expect(other.status).toBe(599);
    expect(other.headers["x-key"]).toBe("garden.example|/sites/garden/key|id");
  });
});
