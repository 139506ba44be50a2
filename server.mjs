// Production server: Next.js, with the public hosted sites (under /sites/<slug> and on their own
// domains) answered before Next is entered: from a tiny in-memory copy of their bytes (cache hits), else
// rendered by lib/hosted's renderer bundled for this server (<distDir>/hosted-server.mjs, built by
// scripts/hosted/bundle.mjs after `next build`). Everything else goes straight to Next.
//   node server.mjs [-p 3000] [-H 0.0.0.0]     (npm start)
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import next from "next";

// Runs from a checkout or from the standalone output (Docker): either way the app's folder is this
// file's, and the app reads prisma/ and .data/ relative to it.
const dir = path.dirname(fileURLToPath(import.meta.url));
process.chdir(dir);
// In the standalone output there is no next.config.mjs: Next takes the build's own copy, as its
// generated server.js does.
if (!existsSync(path.join(dir, "next.config.mjs"))) {
  const distDir = [process.env.NEXT_DIST_DIR, ".next"].find((d) => d && existsSync(path.join(dir, d, "required-server-files.json")));
  if (distDir) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(path.join(dir, distDir, "required-server-files.json"), "utf8")).config);
}

const arg = (names, fallback) => {
  const i = process.argv.findIndex((a) => names.includes(a));
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg(["-p", "--port"], process.env.PORT ?? 3000));
const hostname = arg(["-H", "--hostname"], process.env.HOSTNAME ?? "0.0.0.0");
process.env.PORT ??= String(port);

const TTL_MS = Number(process.env.HOSTED_CACHE_TTL_MS ?? 60_000);
const MAX_ENTRIES = Number(process.env.HOSTED_CACHE_MAX_ENTRIES ?? 2_000);
// Shared with lib/sites/hosted-cache.ts (same process): the app invalidates what this stores, by
// the site each entry belongs to (`site`, from the renderer's x-hosted-site header).
const cache = (globalThis.__hostedCache ??= new Map());
// The security headers (lib/http/security-headers.ts, set by proxy.ts) travel with the cached copy: keep this list in step with it.
const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "strict-transport-security"];
const KEPT_HEADERS = ["content-type", "content-encoding", "cache-control", "etag", "last-modified", "vary", "link", "x-robots-tag", "x-hosted-site", ...SECURITY_HEADERS];

// Hosted pages come from lib/hosted (route handlers): only their publicly cacheable 200s are kept,
// tagged with their site. Any GET may be one (a site's own domain serves at its root), so the key
// holds the host; a lookup is one Map.get. Hosted pages ignore query strings, and so does the key
// (a query cannot push real pages out of the cache).
function cacheKey(req) {
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const q = req.url.indexOf("?");
  return `${(req.headers.host ?? "").toLowerCase()}|${q < 0 ? req.url : req.url.slice(0, q)}|${gzip ? "gz" : "id"}`;
}

function cacheable(req) {
  return (req.method === "GET" || req.method === "HEAD") && !req.url.startsWith("/_next/") && !req.url.startsWith("/api/") && !req.headers.cookie?.includes("session-token");
}

/** If-None-Match (weak comparison) wins over If-Modified-Since, as in lib/hosted/service.ts. */
function notModified(req, headers) {
  const inm = req.headers["if-none-match"];
  if (inm) {
    const mine = (headers.etag ?? "").replace(/^W\//, "");
    return Boolean(mine) && (inm.trim() === "*" || inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === mine));
  }
  const ims = Date.parse(req.headers["if-modified-since"] ?? "");
  const lm = Date.parse(headers["last-modified"] ?? "");
  return Number.isFinite(ims) && Number.isFinite(lm) && lm <= ims;
}

function serveHit(req, res, hit) {
  // SERVER-HIT: answered here from memory without entering Next (inside Next the renderer says HIT or MISS).
  // The kept headers are flattened once per entry: a raw header list is much cheaper to write than an object.
  if (notModified(req, hit.headers)) {
    hit.raw304 ??= rawHeaders(hit.headers, ["content-type", "content-encoding"]);
    res.writeHead(304, [...hit.raw304, "x-request-id", randomUUID()]);
    return res.end();
  }
  hit.raw ??= [...rawHeaders(hit.headers, []), "content-length", String(hit.body.length)];
  res.writeHead(hit.status, [...hit.raw, "x-request-id", randomUUID()]);
  res.end(req.method === "HEAD" ? undefined : hit.body);
}

function rawHeaders(headers, without) {
  const raw = ["x-hosted-cache", "SERVER-HIT"];
  for (const [name, value] of Object.entries(headers)) if (!without.includes(name) && name !== "content-length" && name !== "x-request-id") raw.push(name, value);
  return raw;
}

/** Lets Next answer, keeping a copy of a hosted page's bytes (200, public) for the next visitor. */
function captureInto(res, key) {
  const chunks = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let keeping = null;
  const keepable = () => (keeping ??= res.statusCode === 200 && Boolean(res.getHeader("x-hosted-site")) && /^public\b/.test(String(res.getHeader("cache-control") ?? "")));
  const keep = (chunk, encoding) => {
    if (keepable() && chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined));
  };
  res.write = (chunk, encoding, cb) => {
    keep(chunk, encoding);
    return write(chunk, encoding, cb);
  };
  res.end = (chunk, encoding, cb) => {
    keep(chunk, encoding);
    if (keepable() && TTL_MS > 0) {
      const headers = {};
      for (const name of KEPT_HEADERS) {
        const value = res.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value);
      cache.set(key, { status: 200, headers, body: Buffer.concat(chunks), storedAt: Date.now(), site: headers["x-hosted-site"] });
    }
    return end(chunk, encoding, cb);
  };
}

// The app believes the socket address header only when this server sets it (lib/http/client-ip.ts).
process.env.SCS_SERVER_SOCKET_ADDRESS = "1";
const app = next({ dev: false, hostname, port, dir });
const handle = app.getRequestHandler();
await app.prepare();

// The hosted fast path (after prepare: the app's start-up has set DATABASE_URL). Without it (a bare
// `next build`), hosted cache misses go through Next and their bytes are captured on the way out.
const buildDir = [process.env.NEXT_DIST_DIR, ".next"].find((d) => d && existsSync(path.join(dir, d, "BUILD_ID")));
const fastPathFile = buildDir ? path.join(dir, buildDir, "hosted-server.mjs") : null;
const hosted = fastPathFile && existsSync(fastPathFile) ? await import(pathToFileURL(fastPathFile).href) : null;
if (!hosted) console.warn(`> Hosted pages render through Next: no ${fastPathFile ?? "build"} (run node scripts/hosted/bundle.mjs after next build).`);

createServer((req, res) => {
  answer(req, res).catch((error) => {
    // Never an unhandled rejection (it would end the process): this request fails, the server stays.
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "request failed in server.mjs", path: req.url, error: String(error?.stack ?? error) }));
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end();
  });
}).listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname}:${port}`);
});

async function answer(req, res) {
  // Always overwritten: a client cannot choose the address rate limits key on.
  req.headers["x-socket-address"] = req.socket.remoteAddress ?? "";
  const key = cacheable(req) ? cacheKey(req) : null;
  if (key) {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.storedAt <= TTL_MS) return serveHit(req, res, hit);
    if (hit) cache.delete(key);
  }
  if (hosted) {
    // SERVER-MISS: rendered here from the database, Next not entered; false: the app's request.
    if (await hosted.serveHosted(req, res, key)) return;
  } else if (key && req.method === "GET") captureInto(res, key);
  return handle(req, res);
}
