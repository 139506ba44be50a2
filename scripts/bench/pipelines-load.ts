/**
 * Pipelines under load, then a crash in the middle of a run.
 *
 * Load: 3 accounts × 300 content tasks started at once, the OpenAI stub at 300 ms ± 50 %,
 * DATABASE_POOL_SIZE=10, per-account concurrency 10, while a CPU hog spins on one core. Prints the
 * items that failed for platform reasons (database, timeouts, bugs: must be 0), articles vs usage
 * rows vs ledger rows (every article charged exactly once), and each account's lowest balance
 * (never negative; the third account cannot pay for all its articles on purpose).
 *
 * Resume: a separate app process (tests/fixtures/job-worker.ts) runs a 100-task run; it is
 * SIGKILLed in the middle, another is started, and the run finishes with nothing written or
 * charged twice.
 *
 * Run: npm run bench:pipelines-load   Knobs: BENCH_TASKS (300), BENCH_RESUME_TASKS (100), BENCH_LATENCY_MS (300).
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { benchDatabase } from "./bench-db";

const TASKS = Number(process.env.BENCH_TASKS ?? 300);
const RESUME_TASKS = Number(process.env.BENCH_RESUME_TASKS ?? 100);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 300);
const ACCOUNTS = 3;

async function main() {
  process.env.DATABASE_POOL_SIZE = "10";
  process.env.RUN_CONCURRENCY_PER_ACCOUNT = "10";
  process.env.LOG_LEVEL ??= "silent";
  const db = await benchDatabase();
  const stub = await spawnStub(LATENCY_MS, 0.5);
  process.env.OPENAI_BASE_URL = stub.url;
  process.env.OPENAI_API_KEY = "sk-bench";
  const hog = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  const children: ChildProcess[] = [hog];
  try {
    const { rootDb } = await import("../../lib/db/client");
    const { registerAccount, loadContext } = await import("../../lib/auth/service");
    const { LocalJobProvider } = await import("../../lib/jobs/local/provider");
    const { setJobProvider } = await import("../../lib/jobs/provider");
    const { startGenerateContent } = await import("../../lib/ai/service");
    const { DATABASE_BUSY, TIMED_OUT, UNEXPECTED } = await import("../../lib/failures");
    const scale = await rootDb().plan.findFirstOrThrow({ where: { slug: "scale" } });

    async function account(label: string, credits: number, tasks: number) {
      const { user, account } = await registerAccount({ email: `${label}-${Date.now()}@example.test`, password: "bench password 123", name: label, accountName: label });
      await rootDb().account.update({ where: { id: account.id }, data: { credits, planId: scale.id } });
      const site = await rootDb().site.create({ data: { accountId: account.id, name: label, slug: `${label}-${account.id}` } });
      const sector = await rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: label, slug: label } });
      const rows = await rootDb().task.createManyAndReturn({
        data: Array.from({ length: tasks }, (_, i) => ({ accountId: account.id, siteId: site.id, sectorId: sector.id, title: `${label} article ${i + 1}`, keywords: "benchmark, load" })),
        select: { id: true },
      });
      return { accountId: account.id, ctx: await loadContext(user.id), taskIds: rows.map((r) => r.id) };
    }

    // ---- load -------------------------------------------------------------------------------
    const accounts = await Promise.all(Array.from({ length: ACCOUNTS }, (_, i) => account(`load${i}`, i === ACCOUNTS - 1 ? TASKS * 10 - 505 : TASKS * 10, TASKS)));
    const provider = new LocalJobProvider({ schedules: false });
    setJobProvider(provider);
    const started = performance.now();
    const runs = await Promise.all(accounts.map((a) => startGenerateContent(a.ctx, a.taskIds)));
    await provider.idle(30 * 60_000);
    const wallS = (performance.now() - started) / 1000;
    const runIds = runs.map((r) => r.id);
    const platform = [DATABASE_BUSY, TIMED_OUT, UNEXPECTED];
    const [failedPlatform, failedOther, articles, usage, ledger, finals] = await Promise.all([
      rootDb().runStep.count({ where: { runId: { in: runIds }, status: "failed", error: { in: platform } } }),
      rootDb().runStep.groupBy({ by: ["error"], where: { runId: { in: runIds }, status: "failed", error: { notIn: platform } }, _count: { _all: true } }),
      rootDb().content.count({ where: { taskId: { in: accounts.flatMap((a) => a.taskIds) } } }),
      rootDb().creditUsageLog.count({ where: { runId: { in: runIds } } }),
      rootDb().creditTransaction.count({ where: { runId: { in: runIds } } }),
      rootDb().run.findMany({ where: { id: { in: runIds } }, select: { status: true, succeeded: true, failed: true, retries: true } }),
    ]);
    const duplicates = await rootDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT "idempotencyKey" FROM credit_transactions WHERE "runId" = ANY(${runIds}::uuid[]) GROUP BY 1 HAVING count(*) > 1) d`;
    const balances = await Promise.all(
      accounts.map(async (a) => {
        const low = await rootDb().creditTransaction.aggregate({ where: { accountId: a.accountId }, _min: { balanceAfter: true } });
        const now = await rootDb().account.findUniqueOrThrow({ where: { id: a.accountId }, select: { credits: true } });
        return { min: low._min.balanceAfter ?? 0, now: now.credits };
      }),
    );
    await provider.stop();
    console.log(`\nLoad: ${ACCOUNTS} accounts × ${TASKS} content tasks at once, stub ${LATENCY_MS} ms ± 50 %, pool 10, concurrency 10 per account, a CPU hog on one core`);
    console.log(`  machine: load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; wall ${wallS.toFixed(1)} s (ideal ${((TASKS * LATENCY_MS) / 10 / 1000).toFixed(1)} s)`);
    console.log(`  runs: ${finals.map((f) => `${f.status} (${f.succeeded} ok, ${f.failed} failed, ${f.retries} retries)`).join("; ")}`);
    console.log(`  items failed for platform reasons: ${failedPlatform} (must be 0) ${failedPlatform === 0 ? "OK" : "FAIL"}`);
    console.log(`  items failed for other reasons: ${failedOther.map((f) => `${f._count._all} × "${f.error}"`).join("; ") || "none"}`);
    console.log(`  articles ${articles} · usage rows ${usage} · ledger rows ${ledger} · duplicate charges ${duplicates[0].n} ${articles === usage && usage === ledger && duplicates[0].n === 0 ? "OK (each article charged exactly once)" : "MISMATCH"}`);
    console.log(`  lowest balance per account: ${balances.map((b) => `${b.min} (now ${b.now})`).join(", ")} ${balances.every((b) => b.min >= 0 && b.now >= 0) ? "OK (never negative)" : "NEGATIVE"}`);

    // ---- resume after SIGKILL -----------------------------------------------------------------
    hog.kill();
    const recordOnly = { name: "local" as const, dispatch: async () => undefined, cancel: async () => undefined, emit: async () => undefined, describe: () => ({ mode: "record only", activeRuns: 0 }) };
    setJobProvider(recordOnly);
    const resumeAccount = await account("resume", RESUME_TASKS * 10, RESUME_TASKS);
    const workerEnv = { JOBS_LEASE_MS: "5000", JOBS_POLL_INTERVAL_MS: "250" };
    const first = await spawnWorker(workerEnv);
    children.push(first);
    const run = await startGenerateContent(resumeAccount.ctx, resumeAccount.taskIds);
    for (;;) {
      const row = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
      if (row.done >= RESUME_TASKS / 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.kill("SIGKILL");
    const killedAt = performance.now();
    const doneAtKill = (await rootDb().run.findUniqueOrThrow({ where: { id: run.id } })).done;
    const second = await spawnWorker(workerEnv);
    children.push(second);
    let final;
    for (;;) {
      final = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
      if (!["pending", "running"].includes(final.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const resumedS = (performance.now() - killedAt) / 1000;
    const [contentRows, contentTasks, charges, usageRows] = await Promise.all([
      rootDb().content.count({ where: { taskId: { in: resumeAccount.taskIds } } }),
      rootDb().content.groupBy({ by: ["taskId"], where: { taskId: { in: resumeAccount.taskIds } } }),
      rootDb().creditTransaction.count({ where: { runId: run.id } }),
      rootDb().creditUsageLog.count({ where: { runId: run.id } }),
    ]);
    const balance = (await rootDb().account.findUniqueOrThrow({ where: { id: resumeAccount.accountId } })).credits;
    console.log(`\nResume: a ${RESUME_TASKS}-task run, its process SIGKILLed at ${doneAtKill} done, another process started (lease 5 s)`);
    console.log(`  run ${final.status} ${resumedS.toFixed(1)} s after the kill: ${final.succeeded} ok, ${final.failed} failed`);
    console.log(`  articles ${contentRows} for ${contentTasks.length} tasks · ledger rows ${charges} · usage rows ${usageRows} · balance ${balance} (started ${RESUME_TASKS * 10}) ${contentRows === RESUME_TASKS && contentTasks.length === RESUME_TASKS && charges === RESUME_TASKS && balance === 0 ? "OK (nothing written or charged twice)" : "MISMATCH"}`);
  } finally {
    for (const child of children) child.kill("SIGKILL");
    stub.close();
    await db.drop();
  }
}

function spawnWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../../tests/fixtures/job-worker.ts")], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`The job worker exited (${code}).`)));
  });
}

async function spawnStub(latencyMs: number, jitter: number): Promise<{ url: string; close: () => void }> {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../openai-stub.ts"), "--port", String(port), "--latency", String(latencyMs), "--jitter", String(jitter)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.on("exit", (code) => reject(new Error(`The stub exited (${code}).`)));
  });
  return { url: `http://127.0.0.1:${port}/v1`, close: () => child.kill() };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
