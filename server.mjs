// Production server. Public hosted sites (under /sites/<slug> and on their own domains) are answered on
// this thread: from a tiny in-memory copy of their bytes (cache hits), else rendered by lib/hosted's
// renderer bundled for this server (<distDir>/hosted-server.mjs, built by scripts/hosted/bundle.mjs after
// `next build`). Everything else is the app's: Next.js runs in a worker thread (server-app.mjs) that this
// thread proxies to over loopback, so that Next's per-thread instrumentation never slows hosted pages.
// Both threads share process.env; publishing purges hosted copies in both (lib/sites/hosted-cache.ts).
//   node server.mjs [-p 3000] [-H 0.0.0.0]     (npm start)
import { Agent, createServer, request } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SHARE_ENV, Worker } from "node:worker_threads";
import { cacheKeyOf, serveHit } from "./lib/hosted/server-cache.mjs";

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

// The app believes the socket address header only when this server sets it (lib/http/client-ip.ts).
process.env.SCS_SERVER_SOCKET_ADDRESS = "1";
const appThread = new Worker(new URL("./server-app.mjs", import.meta.url), { env: SHARE_ENV, workerData: { dir, hostname, port } });
let stopping = false;
appThread.on("error", (error) => console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "the app thread failed", error: String(error?.stack ?? error) })));
// Without the app there is no server: exit, so that whatever supervises it starts it again.
appThread.on("exit", (code) => process.exit(stopping ? 0 : code || 1));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopping = true;
    appThread.postMessage({ type: "stop" });
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
// Ready once the app has started (its start-up sets DATABASE_URL, which the fast path reads).
const appPort = await new Promise((resolve) => appThread.on("message", (message) => message?.type === "ready" && resolve(message.port)));
const appAgent = new Agent({ keepAlive: true, maxSockets: 512 });

// The hosted fast path. Without it (a bare `next build`), hosted pages are rendered by the app's route.
const buildDir = [process.env.NEXT_DIST_DIR, ".next"].find((d) => d && existsSync(path.join(dir, d, "BUILD_ID")));
const fastPathFile = buildDir ? path.join(dir, buildDir, "hosted-server.mjs") : null;
const hosted = fastPathFile && existsSync(fastPathFile) ? await import(pathToFileURL(fastPathFile).href) : null;
if (!hosted) console.warn(`> Hosted pages render through Next, without a kept copy: no ${fastPathFile ?? "build"} (run node scripts/hosted/bundle.mjs after next build).`);

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
  // SERVER-MISS: rendered here from the database; false: the app's request.
  if (hosted && (await hosted.serveHosted(req, res, key))) return;
  toApp(req, res);
}

// Hop-by-hop headers stay on their own connection (RFC 9110 §7.6.1); Date is this server's own.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "expect", "date"]);

/** The request, streamed to the app's thread and its answer streamed back as it comes (uploads, downloads, slow pages). */
function toApp(req, res, retried = false) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  const upstream = request({ host: "127.0.0.1", port: appPort, agent: appAgent, method: req.method, path: req.url, headers }, (answer) => {
    const raw = [];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) if (!HOP_BY_HOP.has(answer.rawHeaders[i].toLowerCase())) raw.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
    res.writeHead(answer.statusCode, answer.statusMessage, raw);
    answer.pipe(res);
  });
  let clientGone = false;
  upstream.on("error", (error) => {
    if (clientGone) return; // the client left first (a navigation cancels a fetch): no one to answer
    // A kept connection the app closed as it was reused (Node's documented race): a body-less request goes again.
    const idempotent = req.method === "GET" || req.method === "HEAD";
    if (!retried && idempotent && upstream.reusedSocket && error.code === "ECONNRESET" && !res.headersSent) return toApp(req, res, true);
    failed(req, res, error);
  });
  res.on("close", () => {
    if (res.writableFinished) return;
    clientGone = true;
    upstream.destroy();
  });
  if (retried) upstream.end();
  else req.pipe(upstream);
}
