// Saved ⇔ charged under database faults: a commit that times out, a connection killed in the middle
// of a commit, and a pool of one connection (a commit must never need a second one). Each item is
// written and charged exactly once, or neither; the user reads a sentence, never database text.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { disconnectRootDb, rootDb } from "@/lib/db/client";
import { startAutoCluster, startGenerateContent, startGenerateIdeas } from "@/lib/ai/service";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, createTasks, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const holder = setupAIStub();
const env = process.env as Record<string, string | undefined>;

afterEach(() => {
  delete env.DATABASE_TRANSACTION_TIMEOUT_MS;
});

/** Holds the account's row as a charge does (FOR NO KEY UPDATE: inserts referencing it still pass) until released. */
async function lockAccount(accountId: number) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT id FROM accounts WHERE id = $1 FOR NO KEY UPDATE", [accountId]);
  return {
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

async function blockedCommitPid(timeoutMs = 15_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const rows = await rootDb().$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%credit_transactions%'`;
    if (rows[0]) return rows[0].pid;
    if (Date.now() - started > timeoutMs) throw new Error("no commit waiting on the account's row");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function expectChargedOnce(runId: string, taskIds: number[]) {
  const contents = await rootDb().content.groupBy({ by: ["taskId"], where: { taskId: { in: taskIds } }, _count: { _all: true } });
  expect(contents).toHaveLength(taskIds.length);
  expect(contents.every((c) => c._count._all === 1)).toBe(true);
  expect(await rootDb().creditTransaction.count({ where: { runId } })).toBe(taskIds.length);
  expect(await rootDb().creditUsageLog.count({ where: { runId } })).toBe(taskIds.length);
}

describe("database faults during a commit", () => {
  it("a commit that times out rolls back (nothing saved, nothing charged) and the item is retried", async () => {
    env.DATABASE_TRANSACTION_TIMEOUT_MS = "700";
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 1);
    const lock = await lockAccount(a.account.id);
    const run = await startGenerateContent(await contextFor(a.owner.id), [tasks[0].id]);
    await blockedCommitPid();
    await new Promise((r) => setTimeout(r, 900)); // past the transaction's timeout
    // Rolled back: the article written earlier in that transaction is not there.
    expect(await rootDb().content.count({ where: { taskId: tasks[0].id } })).toBe(0);
    await lock.release();
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    expect(done.retries).toBeGreaterThanOrEqual(1);
    await expectChargedOnce(run.id, [tasks[0].id]);
  });

  it("a connection killed in the middle of a commit: rolled back, retried, charged once", async () => {
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 2);
    const lock = await lockAccount(a.account.id);
    const run = await startGenerateContent(await contextFor(a.owner.id), tasks.map((t) => t.id));
    const pid = await blockedCommitPid();
    await rootDb().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await lock.release();
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    await expectChargedOnce(run.id, tasks.map((t) => t.id));
  });

  it("an item that keeps failing on the database fails with a sentence; nothing is saved or charged for it", async () => {
    env.DATABASE_TRANSACTION_TIMEOUT_MS = "300";
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 1);
    const lock = await lockAccount(a.account.id);
    try {
      const done = await waitForRun((await startGenerateContent(await contextFor(a.owner.id), [tasks[0].id])).id);
      expect(done.status).toBe("failed");
      expect(done.error).toMatch(/database was busy/);
      expect(done.error).not.toMatch(/prisma|transaction API|expired|invalid `/i);
      expect(await rootDb().content.count({ where: { taskId: tasks[0].id } })).toBe(0);
      expect(await rootDb().creditTransaction.count({ where: { runId: done.id } })).toBe(0);
      expect(await rootDb().creditUsageLog.count({ where: { runId: done.id } })).toBe(0);
    } finally {
      await lock.release();
    }
  });

  it("commits need one connection: every AI pipeline completes on a pool of one", async () => {
    const { a } = await twoTenants();
    const keywords = await createKeywords(a.site, a.sector.id, ["tomato care", "tomato pests", "rose pruning"]);
    const cluster = await createCluster(a.site, a.sector.id, "Tomatoes", [keywords[0].id]);
    const tasks = await createTasks(a.site, a.sector.id, 3);
    const ctx = await contextFor(a.owner.id);
    await disconnectRootDb();
    env.DATABASE_POOL_SIZE = "1";
    env.DATABASE_TRANSACTION_TIMEOUT_MS = "3000";
    try {
      holder.stub.latencyMs = 20;
      const runs = [await startGenerateContent(ctx, tasks.map((t) => t.id)), await startGenerateIdeas(ctx, [cluster.id]), await startAutoCluster(ctx, keywords.map((k) => k.id))];
      for (const run of runs) {
        const done = await waitForRun(run.id, 30_000);
        expect(done.status, done.error ?? "").toBe("succeeded");
        expect(done.retries).toBe(0);
      }
      await expectChargedOnce(runs[0].id, tasks.map((t) => t.id));
    } finally {
      delete env.DATABASE_POOL_SIZE;
      await disconnectRootDb();
    }
  });
});
