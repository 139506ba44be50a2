// Production server. Public hosted sites (under /sites/<slug> and on their own domains) are answered by
// the edge (server-edge.mjs): from a tiny in-memory copy of their bytes (cache hits), else rendered by
// lib/hosted's renderer bundled for this server (<distDir>/hosted-server.mjs, built by
// scripts/hosted/bundle.mjs after `next build`). Everything else is the app's: Next.js runs in a worker
// thread (server-app.mjs) that the edge proxies to over loopback, so that Next's per-thread
// instrumentation never slows hosted pages. The edge runs on this thread and on HOSTED_THREADS - 1 more
// (default: one per core, at most 4), all accepting on one socket. The threads share process.env;
// publishing purges hosted copies in all of them (lib/sites/hosted-cache.ts).
//   node server.mjs [-p 3000] [-H 0.0.0.0]     (npm start)
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SHARE_ENV, Worker } from "node:worker_threads";
import { startEdge } from "./server-edge.mjs";

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

// A value the app's start-up refuses (lib/config/env.ts) stops the server there.
const edgeThreads = Number(process.env.HOSTED_THREADS) || Math.min(availableParallelism(), 4);

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

// The hosted fast path. Without it (a bare `next build`), hosted pages are rendered by the app's route.
const buildDir = [process.env.NEXT_DIST_DIR, ".next"].find((d) => d && existsSync(path.join(dir, d, "BUILD_ID")));
const hostedFile = buildDir ? path.join(dir, buildDir, "hosted-server.mjs") : null;
if (!hostedFile || !existsSync(hostedFile)) console.warn(`> Hosted pages render through Next, without a kept copy: no ${hostedFile ?? "build"} (run node scripts/hosted/bundle.mjs after next build).`);

const server = await startEdge({ appPort, hostedFile, listen: { port, host: hostname } });
// More edges on the same socket (none where the platform gives no descriptor to share).
const fd = server._handle?.fd ?? -1;
const edges = fd >= 0 ? Array.from({ length: edgeThreads - 1 }, () => new Worker(new URL("./server-edge.mjs", import.meta.url), { env: SHARE_ENV, workerData: { edge: { appPort, hostedFile, fd } } })) : [];
for (const edge of edges) {
  edge.on("error", (error) => console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "an edge thread failed", error: String(error?.stack ?? error) })));
  edge.on("exit", (code) => stopping || process.exit(code || 1));
}
await Promise.all(edges.map((edge) => new Promise((resolve) => edge.on("message", (message) => message?.type === "listening" && resolve()))));
console.log(`> Ready on http://${hostname}:${port} (${edges.length + 1} thread${edges.length ? "s" : ""} answering)`);
