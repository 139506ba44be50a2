/**
 * Pipeline overhead: 200 content tasks, the OpenAI stub at 300 ms per call, concurrency 10 per
 * account, through the real path (service → run → in-process runtime → Inngest serve handler →
 * engine → database). Ideal wall time = 200 × 0.3 s / 10 = 6 s; target within 1.2×.
 *
 * Run: npm run bench:pipelines   (DATABASE_URL's server, else an embedded PostgreSQL in a temp dir)
 * Knobs: BENCH_TASKS, BENCH_LATENCY_MS, BENCH_CONCURRENCY.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";

const TASKS = Number(process.env.BENCH_TASKS ?? 200);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

async function main() {
  process.env.LOG_LEVEL ??= "silent";
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.ENCRYPTION_KEY ??= "bench-encryption-key";
  const tempDir = mkdtempSync(path.join(os.tmpdir(), "scs-bench-"));
  process.env.APP_DATA_DIR = tempDir;
  const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
  let stopServer = async () => {};
  let adminUrl = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : "";
  if (!adminUrl) {
    const server = await startEmbeddedPostgres(tempDir, 55499);
    adminUrl = server.url("postgres");
    stopServer = server.stop;
  }
  const database = `bench_${Date.now().toString(36)}`;
  await admin(adminUrl, `CREATE DATABASE "${database}"`);
  process.env.DATABASE_URL = withDatabase(adminUrl, database);
  process.env.DATABASE_POOL_SIZE = String(Math.max(20, CONCURRENCY * 2));

  // The stub runs in its own process, like a real model server: its work must not share our event loop.
  const stub = await spawnStub(LATENCY_MS);
  process.env.OPENAI_BASE_URL = stub.url;
  process.env.OPENAI_API_KEY = "sk-bench";

  try {
    const { applyMigrations } = await import("../../lib/db/migrations");
    const { seedReferenceData } = await import("../../lib/reference/seed");
    await applyMigrations(process.env.DATABASE_URL);
    await seedReferenceData();
    const { registerAccount, loadContext } = await import("../../lib/auth/service");
    const { rootDb } = await import("../../lib/db/client");
    const { InProcessRuntime, setRuntime, getRuntime } = await import("../../lib/runs/runtime");
    const { startGenerateContent } = await import("../../lib/ai/service");

    const { user, account } = await registerAccount({ email: `bench-${database}@example.test`, password: "bench password 123", name: "Bench", accountName: "Bench" });
    // The largest plan, so the monthly word limit (200 articles × the estimate) does not refuse the run.
    const scale = await rootDb().plan.findFirstOrThrow({ where: { slug: "scale" } });
    await rootDb().account.update({ where: { id: account.id }, data: { credits: TASKS * 10 + 100, planId: scale.id } });
    const site = await rootDb().site.create({ data: { accountId: account.id, name: "Bench", slug: "bench" } });
    const sector = await rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: "Bench", slug: "bench" } });
    const makeTasks = (count: number, label: string) =>
      rootDb().task.createManyAndReturn({
        data: Array.from({ length: count }, (_, i) => ({ accountId: account.id, siteId: site.id, sectorId: sector.id, title: `${label} ${i + 1}`, keywords: "benchmark, pipelines" })),
        select: { id: true },
      });
    const warmUpTasks = await makeTasks(CONCURRENCY, "Warm-up article");
    const tasks = await makeTasks(TASKS, "Benchmark article");
    setRuntime(new InProcessRuntime({ concurrencyPerAccount: CONCURRENCY, retryBaseMs: 100 }));
    const ctx = await loadContext(user.id);

    // A small run first, outside the measurement: module loading, the connection pool and the
    // stub's first responses are start-up costs of the process, not of a pipeline.
    await startGenerateContent(ctx, warmUpTasks.map((t) => t.id));
    await getRuntime().idle();

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const run = await startGenerateContent(ctx, tasks.map((t) => t.id));
    await getRuntime().idle();
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;

    const final = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
    const contents = await rootDb().content.count({ where: { accountId: account.id, taskId: { in: tasks.map((t) => t.id) } } });
    const charges = await rootDb().creditTransaction.count({ where: { runId: run.id } });
    const modelCalls = await rootDb().creditUsageLog.count({ where: { runId: run.id } });
    const idealMs = (TASKS * LATENCY_MS) / CONCURRENCY;
    // Where the time beyond the ideal went: before the first step, between commits, after the last.
    const commitTimes = await rootDb().creditUsageLog.aggregate({ where: { runId: run.id }, _min: { createdAt: true }, _max: { createdAt: true } });
    const at = (d: Date | null | undefined) => (d ? d.getTime() - final.createdAt.getTime() : NaN);
    const phases = { startedMs: at(final.startedAt), firstCommitMs: at(commitTimes._min.createdAt), lastCommitMs: at(commitTimes._max.createdAt), finishedMs: at(final.finishedAt) };
    const report = {
      tasks: TASKS,
      latencyMs: LATENCY_MS,
      concurrency: CONCURRENCY,
      status: final.status,
      articles: contents,
      charges,
      modelCalls,
      wallSeconds: round(wallMs / 1000),
      idealSeconds: round(idealMs / 1000),
      ratio: round(wallMs / idealMs),
      appCpuSeconds: round(cpuMs / 1000),
      appCpuMsPerTask: round(cpuMs / TASKS),
      phases,
      target: 1.2,
      withinTarget: wallMs / idealMs <= 1.2,
    };
    console.log(`\nPipeline overhead: ${TASKS} content tasks, stub latency ${LATENCY_MS} ms, concurrency ${CONCURRENCY}`);
    console.log(`  run ${final.status}: ${contents} articles, ${charges} charges, ${modelCalls} model calls`);
    console.log(`  app process CPU ${report.appCpuSeconds} s (${report.appCpuMsPerTask} ms per task); machine load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    console.log(`  from the run's creation: started ${phases.startedMs} ms, first article saved ${phases.firstCommitMs} ms, last ${phases.lastCommitMs} ms, run closed ${phases.finishedMs} ms`);
    console.log(`  wall ${report.wallSeconds} s vs ideal ${report.idealSeconds} s → ${report.ratio}× (target ≤ 1.2×) ${report.withinTarget ? "OK" : "OVER"}`);
    console.log(JSON.stringify(report));
    const { disconnectRootDb } = await import("../../lib/db/client");
    await disconnectRootDb();
  } finally {
    stub.close();
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await stopServer();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

async function spawnStub(latencyMs: number): Promise<{ url: string; close: () => void }> {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../openai-stub.ts"), "--port", String(port), "--latency", String(latencyMs)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.on("exit", (code) => reject(new Error(`The stub exited (${code}).`)));
  });
  return { url: `http://127.0.0.1:${port}/v1`, close: () => child.kill() };
}

function round(x: number) {
  return Math.round(x * 100) / 100;
}

function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
process.on("exit", () => {
  const t = (globalThis as Record<string, unknown>).__trace as Record<string, number[]> | undefined;
  for (const [k, v] of Object.entries(t ?? {})) { v.sort((a, b) => a - b); console.log(k, "n", v.length, "median", Math.round(v[v.length >> 1]), "p90", Math.round(v[Math.floor(v.length * 0.9)])); }
});
