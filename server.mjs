// Production server: Next.js, with the public hosted sites (under /sites/<slug> and on their own
// domains) answered before Next is entered: from a tiny in-memory copy of their bytes (cache hits), else
// rendered by lib/hosted's renderer bundled for this server (<distDir>/hosted-server.mjs, built by
// scripts/hosted/bundle.mjs after `next build`). Everything else goes straight to Next.
//   node server.mjs [-p 3000] [-H 0.0.0.0]     (npm start)
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import next from "next";
import { cacheKeyOf, captureInto, serveHit } from "./lib/hosted/server-cache.mjs";

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
  let key = null;
  try {
    // A cache hit is answered here, synchronously (lib/hosted/server-cache.mjs): no promise is made for it.
    key = cacheKeyOf(req);
    if (key !== null && serveHit(req, res, key, TTL_MS)) return;
  } catch (error) {
    return failed(req, res, error);
  }
  answer(req, res, key).catch((error) => failed(req, res, error));
}).listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname}:${port}`);
});

/** Never an uncaught error or unhandled rejection (it would end the process): this request fails, the server stays. */
function failed(req, res, error) {
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "request failed in server.mjs", path: req.url, error: String(error?.stack ?? error) }));
  if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end();
}

async function answer(req, res, key) {
  // Always overwritten: a client cannot choose the address rate limits key on.
  req.headers["x-socket-address"] = req.socket.remoteAddress ?? "";
  if (hosted) {
    // SERVER-MISS: rendered here from the database, Next not entered; false: the app's request.
    if (await hosted.serveHosted(req, res, key)) return;
  } else if (key && req.method === "GET") captureInto(res, key, { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  return handle(req, res);
}
