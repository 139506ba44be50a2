/**
 * Pipeline overhead: 200 content tasks, the OpenAI stub at 300 ms per call, concurrency 10 per
 * account, through the real path (service → run → local job queue → handler → engine → database).
 * Ideal wall time = 200 × 0.3 s / 10 = 6 s; target within 1.2×. Then the same with a stub that
 * answers at once: the platform's overhead per item (goal < 5 ms).
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
  process.env.DATABASE_POOL_SIZE ??= "10";
  process.env.RUN_CONCURRENCY_PER_ACCOUNT = String(CONCURRENCY);

  // The stubs run in their own processes, like a real model server: their work must not share our event loop.
  const stub = await spawnStub(LATENCY_MS);
  const instant = await spawnStub(0);
  process.env.OPENAI_API_KEY = "sk-bench";

  try {
    const { applyMigrations } = await import("../../lib/db/migrations");
    const { seedReferenceData } = await import("../../lib/reference/seed");
    await applyMigrations(process.env.DATABASE_URL);
    await seedReferenceData();
    const { registerAccount, loadContext } = await import("../../lib/auth/service");
    const { rootDb } = await import("../../lib/db/client");
    const { LocalJobProvider } = await import("../../lib/jobs/local/provider");
    const { setJobProvider } = await import("../../lib/jobs/provider");
    const { startGenerateContent } = await import("../../lib/ai/service");

    const { user, account } = await registerAccount({ email: `bench-${database}@example.test`, password: "bench password 123", name: "Bench", accountName: "Bench" });
    // The largest plan, so the monthly word limit (200 articles × the estimate) does not refuse the run.
    const scale = await rootDb().plan.findFirstOrThrow({ where: { slug: "scale" } });
    await rootDb().account.update({ where: { id: account.id }, data: { credits: TASKS * 30 + 100, planId: scale.id } });
    const site = await rootDb().site.create({ data: { accountId: account.id, name: "Bench", slug: "bench" } });
    const sector = await rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: "Bench", slug: "bench" } });
    const makeTasks = (count: number, label: string) =>
      rootDb().task.createManyAndReturn({
        data: Array.from({ length: count }, (_, i) => ({ accountId: account.id, siteId: site.id, sectorId: sector.id, title: `${label} ${i + 1}`, keywords: "benchmark, pipelines" })),
        select: { id: true },
      });
    const provider = new LocalJobProvider({ schedules: false });
    setJobProvider(provider);
    const ctx = await loadContext(user.id);

    /** One measured run of `count` new tasks against the stub at `url`. */
    async function measure(label: string, count: number, url: string) {
      process.env.OPENAI_BASE_URL = url;
      const tasks = await makeTasks(count, label);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const run = await startGenerateContent(ctx, tasks.map((t) => t.id));
      await provider.idle();
      const wallMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const final = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
      const articles = await rootDb().content.count({ where: { accountId: account.id, taskId: { in: tasks.map((t) => t.id) } } });
      const charges = await rootDb().creditTransaction.count({ where: { runId: run.id } });
      const modelCalls = await rootDb().creditUsageLog.count({ where: { runId: run.id } });
      const commitTimes = await rootDb().creditUsageLog.aggregate({ where: { runId: run.id }, _min: { createdAt: true }, _max: { createdAt: true } });
      const at = (d: Date | null | undefined) => (d ? d.getTime() - final.createdAt.getTime() : NaN);
      const phases = { startedMs: at(final.startedAt), firstCommitMs: at(commitTimes._min.createdAt), lastCommitMs: at(commitTimes._max.createdAt), finishedMs: at(final.finishedAt) };
      return { status: final.status, articles, charges, modelCalls, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, phases };
    }

    // A small run first, outside the measurement: module loading, the connection pool and the
    // stub's first responses are start-up costs of the process, not of a pipeline.
    await measure("Warm-up article", CONCURRENCY, stub.url);

    const slow = await measure("Benchmark article", TASKS, stub.url);
    const fast = await measure("Overhead article", TASKS, instant.url);
    const idealMs = (TASKS * LATENCY_MS) / CONCURRENCY;
    const report = {
      tasks: TASKS,
      latencyMs: LATENCY_MS,
      concurrency: CONCURRENCY,
      poolSize: Number(process.env.DATABASE_POOL_SIZE),
      status: slow.status,
      articles: slow.articles,
      charges: slow.charges,
      modelCalls: slow.modelCalls,
      wallSeconds: round(slow.wallMs / 1000),
      idealSeconds: round(idealMs / 1000),
      ratio: round(slow.wallMs / idealMs),
      appCpuMsPerTask: round(slow.cpuMs / TASKS),
      phases: slow.phases,
      target: 1.2,
      withinTarget: slow.wallMs / idealMs <= 1.2,
      instant: { status: fast.status, articles: fast.articles, charges: fast.charges, wallSeconds: round(fast.wallMs / 1000), overheadMsPerItem: round(fast.wallMs / TASKS), appCpuMsPerItem: round(fast.cpuMs / TASKS), goalMs: 5 },
    };
    console.log(`\nPipeline overhead: ${TASKS} content tasks, stub latency ${LATENCY_MS} ms, concurrency ${CONCURRENCY} per account, pool ${report.poolSize}`);
    console.log(`  run ${slow.status}: ${slow.articles} articles, ${slow.charges} charges, ${slow.modelCalls} model calls`);
    console.log(`  app process CPU ${round(slow.cpuMs / 1000)} s (${report.appCpuMsPerTask} ms per task); machine load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    console.log(`  from the run's creation: started ${slow.phases.startedMs} ms, first article saved ${slow.phases.firstCommitMs} ms, last ${slow.phases.lastCommitMs} ms, run closed ${slow.phases.finishedMs} ms`);
    console.log(`  wall ${report.wallSeconds} s vs ideal ${report.idealSeconds} s → ${report.ratio}× (target ≤ 1.2×) ${report.withinTarget ? "OK" : "OVER"}`);
    console.log(`  stub answering at once: ${fast.articles} articles in ${report.instant.wallSeconds} s → ${report.instant.overheadMsPerItem} ms per item (goal < 5 ms; app CPU ${report.instant.appCpuMsPerItem} ms per item) ${report.instant.overheadMsPerItem < 5 ? "OK" : "OVER"}`);
    console.log(JSON.stringify(report));
    await provider.stop();
    const { disconnectRootDb } = await import("../../lib/db/client");
    await disconnectRootDb();
  } finally {
    stub.close();
    instant.close();
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
