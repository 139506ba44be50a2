// server.mjs's edge (server-edge.mjs) on two threads sharing one listening socket, as server.mjs runs it
// with HOSTED_THREADS=2: this thread's edge and a worker thread's both answer hosted pages from their own
// copies, a purge posted here reaches the worker's copies, and the app's requests (a stand-in answering
// 599) are proxied from either thread, bodies included. The fast path is the bundle the build makes.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { invalidateHostedSite } from "@/lib/sites/hosted-cache";
import { twoTenants } from "@/tests/fixtures/factories";

type Answer = { status: number; text: string; requestId: string; cache: string | null };

/** One request on a connection of its own (agent: false), so that either thread may accept it. */
function fresh(base: string, pathname: string, method = "GET", body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${pathname}`, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), requestId: String(res.headers["x-request-id"] ?? ""), cache: (res.headers["x-hosted-cache"] as string | undefined) ?? null }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A hit's request id is its thread's random prefix and a counter (lib/hosted/server-cache.mjs). */
const threadOf = (answer: Answer) => answer.requestId.split("-")[0];

const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

let dir: string;
let app: Server;
let edge: Server;
let worker: Worker;
let base: string;
const appBodies: string[] = [];

beforeAll(async () => {
  mkdirSync(".data", { recursive: true });
  dir = mkdtempSync(path.resolve(".data", "hosted-edge-"));
  const built = spawnSync(process.execPath, ["scripts/hosted/bundle.mjs", dir], { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
  const hostedFile = path.join(dir, "hosted-server.mjs");

  app = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      appBodies.push(body);
      res.writeHead(599, { "x-app": "yes" }).end(`app ${req.method} ${req.url}`);
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const appPort = (app.address() as AddressInfo).port;

  const { startEdge } = (await import(/* @vite-ignore */ path.resolve("server-edge.mjs"))) as {
    startEdge: (options: { appPort: number; hostedFile: string; listen: { port: number; host: string } }) => Promise<Server>;
  };
  edge = await startEdge({ appPort, hostedFile, listen: { port: 0, host: "127.0.0.1" } });
  base = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
  const fd = (edge as unknown as { _handle: { fd: number } })._handle.fd;
  worker = new Worker(path.resolve("server-edge.mjs"), { workerData: { edge: { appPort, hostedFile, fd } } });
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (message: { type?: string }) => message?.type === "listening" && resolve());
    worker.on("error", reject);
  });
}, 120_000);

afterAll(async () => {
  await worker?.terminate();
  if (edge) await closeServer(edge);
  if (app) await closeServer(app);
  rmSync(dir, { recursive: true, force: true });
});

/** Requests on new connections until both threads have answered `pathname` (or 200 tries). */
async function fromBothThreads(pathname: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  const threads = new Set<string>();
  for (let i = 0; i < 200 && threads.size < 2; i++) {
    const answer = await fresh(base, pathname);
    answers.push(answer);
    if (answer.cache === "SERVER-HIT") threads.add(threadOf(answer));
  }
  return answers;
}

describe("server.mjs's edge on two threads", () => {
  it("both threads answer hosted pages from their own copies, and a purge reaches both", { timeout: 60_000 }, async () => {
    const { a } = await twoTenants();
    const content = await rootDb().content.create({ data: { accountId: a.site.accountId, siteId: a.site.id, sectorId: a.sector.id, title: "Soil", slug: `edge-${a.site.id}`, status: "published" } });
    const post = await rootDb().hostedPost.create({ data: { accountId: a.site.accountId, siteId: a.site.id, contentId: content.id, slug: content.slug, title: "Soil", html: "<p>Raised beds drain well.</p>", publishedAt: new Date() } });
    const page = `/sites/${a.site.slug}/${post.slug}`;

    const before = await fromBothThreads(page);
    const hits = before.filter((answer) => answer.cache === "SERVER-HIT");
    expect(new Set(hits.map(threadOf)).size, "hits answered by two threads").toBe(2);
    for (const answer of before) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("<h1>Soil</h1>");
    }

    // Publishing a change (lib/sites/hosted-cache.ts): this thread drops its copies and tells the others.
    await rootDb().hostedPost.update({ where: { id: post.id }, data: { title: "Compost" } });
    invalidateHostedSite(a.site.slug);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the broadcast is asynchronous
    const after = await fromBothThreads(page);
    expect(new Set(after.filter((answer) => answer.cache === "SERVER-HIT").map(threadOf)).size).toBe(2);
    for (const answer of after) expect(answer.text, `${answer.cache} ${answer.requestId}`).toContain("<h1>Compost</h1>");
  });

  it("the app's requests reach the app from either thread, with their bodies", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fresh(base, `/dashboard?i=${i}`, "POST", `body ${i}`)));
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(599);
      expect(answer.text).toBe(`app POST /dashboard?i=${i}`);
    }
    for (let i = 0; i < 20; i++) expect(appBodies).toContain(`body ${i}`);
  });
});
