// server.mjs's in-memory copy of hosted pages' bytes (plain JS: server.mjs loads it as it is, from a
// checkout or the standalone output). A hit is answered synchronously inside the request callback:
// no promise, no async function, no per-request object but the request id (a short string): a hit is
// the path that must stay close to a bare Node server.
//
// The map is shared through globalThis with lib/sites/hosted-cache.ts (same thread), which stores
// what the fast path renders and drops a site's entries on a purge (`site`: the slug).
// Entries: { status, headers, body, storedAt, site }.
import { randomBytes } from "node:crypto";

/** @returns {Map<string, { status: number, headers: Record<string, string>, body: Buffer, storedAt: number, site?: string, raw?: string[], raw304?: string[] }>} */
export const hostedCache = () => (globalThis.__hostedCache ??= new Map());

const GZIP = /\bgzip\b/;
/** Made per answer, not kept: a hit has its own length, request id and cache status. */
const NOT_SENT = new Set(["content-length", "x-request-id", "x-hosted-cache"]);

// A hit's request id: this process's random prefix and a counter (unique in the process, and across
// processes but for a 1 in 2^32 chance), much cheaper per request than a random UUID.
const ID_PREFIX = `${randomBytes(4).toString("hex")}-`;
let sequence = 0;
const nextRequestId = () => ID_PREFIX + (++sequence).toString(36);

/**
 * The key of a request's copy, or null when it cannot have one: hosted pages come from lib/hosted
 * (GET/HEAD; never /_next/ or /api/, never for a signed-in browser). Any GET may be one (a site's own
 * domain serves at its root), so the key holds the host; hosted pages ignore query strings, and so
 * does the key (a query cannot push real pages out of the cache).
 * @param {import("node:http").IncomingMessage} req
 */
export function cacheKeyOf(req) {
  const method = req.method;
  if (method !== "GET" && method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (url.startsWith("/_next/") || url.startsWith("/api/")) return null;
  const headers = req.headers;
  if (headers.cookie?.includes("session-token")) return null;
  const q = url.indexOf("?");
  const encoding = headers["accept-encoding"];
  return `${(headers.host ?? "").toLowerCase()}|${q < 0 ? url : url.slice(0, q)}|${encoding && GZIP.test(encoding) ? "gz" : "id"}`;
}

/**
 * Answers the request from the copy under `key` when there is a fresh one (x-hosted-cache: SERVER-HIT,
 * 304s included) and returns true; false (nothing written) otherwise. Synchronous.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} key
 * @param {number} ttlMs
 */
export function serveHit(req, res, key, ttlMs) {
  const cache = hostedCache();
  const hit = cache.get(key);
  if (hit === undefined) return false;
  if (Date.now() - hit.storedAt > ttlMs) {
    cache.delete(key);
    return false;
  }
  const headers = req.headers;
  if ((headers["if-none-match"] !== undefined || headers["if-modified-since"] !== undefined) && notModified(headers, hit.headers)) {
    const raw = (hit.raw304 ??= rawHeaders(hit, false));
    raw[raw.length - 1] = nextRequestId();
    res.writeHead(304, raw);
    res.end();
    return true;
  }
  // The kept headers as a flat list made once per entry, its last slot the request id: writeHead copies
  // the list into the response's header block at once, so one list serves every request.
  const raw = (hit.raw ??= rawHeaders(hit, true));
  raw[raw.length - 1] = nextRequestId();
  res.writeHead(hit.status, raw);
  if (req.method === "HEAD") res.end();
  else res.end(hit.body);
  return true;
}

/** If-None-Match (weak comparison) wins over If-Modified-Since, as in lib/hosted/service.ts. */
function notModified(req, headers) {
  const inm = req["if-none-match"];
  if (inm) {
    const mine = (headers.etag ?? "").replace(/^W\//, "");
    return Boolean(mine) && (inm.trim() === "*" || inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === mine));
  }
  const ims = Date.parse(req["if-modified-since"] ?? "");
  const lm = Date.parse(headers["last-modified"] ?? "");
  return Number.isFinite(ims) && Number.isFinite(lm) && lm <= ims;
}

/** A 304 has no body: no content-type, content-encoding or content-length. */
function rawHeaders(hit, withBody) {
  const raw = ["x-hosted-cache", "SERVER-HIT"];
  for (const [name, value] of Object.entries(hit.headers)) {
    if (NOT_SENT.has(name)) continue;
    if (!withBody && (name === "content-type" || name === "content-encoding")) continue;
    raw.push(name, value);
  }
  if (withBody) raw.push("content-length", String(hit.body.length));
  raw.push("x-request-id", "");
  return raw;
}
