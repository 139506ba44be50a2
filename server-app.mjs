// The app (Next.js) in a worker thread of server.mjs, answering on a loopback port that only server.mjs
// proxies to. It has a thread of its own because Next instruments the thread it runs in (async-context
// hooks, patched nextTick, setImmediate and Date), and that costs every request of that thread: hosted
// pages, answered by server.mjs's edge threads (server-edge.mjs), do not pay it.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import next from "next";

const { dir, hostname, port } = workerData;
const app = next({ dev: false, hostname, port, dir });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => handle(req, res));
// Longer than server.mjs keeps an idle connection to it, so it never reuses one this side is closing.
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ type: "ready", port: server.address().port }));

parentPort.on("message", async (message) => {
  if (message?.type !== "stop") return;
  // Signals reach server.mjs's thread only. The local job queue lets go of its runs (another process
  // takes them over at once), then the embedded database (lib/runtime/bootstrap.ts) stops.
  await globalThis.__jobProvider?.stop?.().catch(() => {});
  await globalThis.__embeddedPostgres?.stop().catch(() => {});
  process.exit(0);
});
