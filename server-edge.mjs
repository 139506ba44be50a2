// The edge of the production server (server.mjs): the HTTP listener every request arrives at. Hosted
// pages are answered here, from a copy of their bytes (a cache hit, synchronous) or rendered from the
// database by lib/hosted's renderer bundled for this server (<distDir>/hosted-server.mjs); everything else
// is streamed to the app (Next, in its own thread: server-app.mjs) over loopback.
// server.mjs runs one edge on its own thread and, like nginx's worker processes, more in worker threads
// that accept on the same listening socket (HOSTED_THREADS): hosted pages use every core. Each thread keeps
// its own copies; purges reach every thread (lib/sites/hosted-cache.ts).
import { Agent, createServer, request } from "node:http";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { cacheKeyOf, serveHit } from "./lib/hosted/server-cache.mjs";

const TTL_MS = Number(process.env.HOSTED_CACHE_TTL_MS ?? 60_000);

// Hop-by-hop headers stay on their own connection (RFC 9110 §7.6.1); Date is this server's own.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "expect", "date"]);

/**
 * Starts an edge: `listen` is `{ port, host }` (the first) or `{ fd }` (a listening socket another
 * thread opened: the threads take its connections in turn). `hostedFile`: the fast path's bundle, or null
 * (a bare `next build`: hosted pages go to the app's route, without a kept copy).
 * @param {{ appPort: number, hostedFile: string | null, listen: { port: number, host: string } | { fd: number } }} options
 * @returns {Promise<import("node:http").Server>}
 */
export async function startEdge({ appPort, hostedFile, listen }) {
  const hosted = hostedFile && existsSync(hostedFile) ? await import(pathToFileURL(hostedFile).href) : null;
  const appAgent = new Agent({ keepAlive: true, maxSockets: 512 });

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

  const server = createServer((req, res) => {
    let key = null;
    try {
      // A cache hit is answered here, synchronously (lib/hosted/server-cache.mjs): no promise is made for it.
      key = cacheKeyOf(req);
      if (key !== null && serveHit(req, res, key, TTL_MS)) return;
    } catch (error) {
      return failed(req, res, error);
    }
    answer(req, res, key).catch((error) => failed(req, res, error));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    if ("fd" in listen) server.listen({ fd: listen.fd }, resolve);
    else server.listen(listen.port, listen.host, resolve);
  });
  return server;
}

// A worker thread of server.mjs: one more edge on the listening socket it was given.
if (!isMainThread && workerData?.edge) {
  const { appPort, hostedFile, fd } = workerData.edge;
  await startEdge({ appPort, hostedFile, listen: { fd } });
  parentPort.postMessage({ type: "listening" });
}
