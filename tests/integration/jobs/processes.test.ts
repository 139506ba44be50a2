// Two app processes on one database share the work safely, and the work of a process killed
// mid-run (SIGKILL, model calls in flight, i.e. between the model call and the commit) is taken over
// when its lease expires: the runs finish, every article is written and charged exactly once, and the
// account's items in flight never exceed its concurrency across both processes.
import { afterEach, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { startGenerateContent } from "@/lib/ai/service";
import { setJobProvider } from "@/lib/jobs/provider";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createTasks, setCredits } from "@/tests/fixtures/ai";
import { recordOnlyProvider, spawnJobWorker, waitForRun, type JobWorker } from "@/tests/fixtures/jobs";
import { startOpenAIStub } from "@/tests/fixtures/openai-stub";

const workers: JobWorker[] = [];
afterEach(() => {
  for (const w of workers.splice(0)) w.child.kill("SIGKILL");
  setJobProvider(undefined);
});

describe("several app processes on one database", () => {
  it("share the runs of an account within its concurrency, and take over the runs of a killed process", async () => {
    const stub = await startOpenAIStub({ latencyMs: 150 });
    try {
      const { a } = await twoTenants();
      await setCredits(a.account.id, 10_000);
      const ctx = await contextFor(a.owner.id);
      setJobProvider(recordOnlyProvider);
      const env = { DATABASE_URL: process.env.DATABASE_URL!, OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: "sk-test", JOBS_LEASE_MS: "3000", JOBS_POLL_INTERVAL_MS: "100", JOBS_RUNS_PER_PROCESS: "1", RUN_CONCURRENCY_PER_ACCOUNT: "3", AI_ITEM_RETRY_BASE_MS: "20" };
      workers.push(...(await Promise.all([spawnJobWorker(env), spawnJobWorker(env)])));
      const first = await createTasks(a.site, a.sector.id, 12);
      const second = await createTasks(a.site, a.sector.id, 12);
      const runs = [await startGenerateContent(ctx, first.map((t) => t.id)), await startGenerateContent(ctx, second.map((t) => t.id))];
      const taskIds = [...first, ...second].map((t) => t.id);

      // Each process drives one run (JOBS_RUNS_PER_PROCESS=1). Kill the one holding the account's
      // slots once its run has saved an article, while its next model calls are in flight.
      let victim: JobWorker | undefined;
      for (let i = 0; i < 2000 && !victim; i++) {
        const [slot] = await rootDb().jobSlot.findMany({ where: { accountId: a.account.id, holder: { not: null } }, take: 1 });
        const run = slot && (await rootDb().run.findFirst({ where: { id: { in: runs.map((r) => r.id) }, leaseOwner: slot.holder, done: { gte: 1, lt: 10 } } }));
        if (run && stub.inFlight > 0) victim = workers.find((w) => w.owner === slot.holder);
        else await new Promise((r) => setTimeout(r, 10));
      }
      expect(victim, "a process holding the account's slots mid-run").toBeDefined();
      victim!.child.kill("SIGKILL");
      await victim!.exited;

      for (const run of runs) {
        const done = await waitForRun(run.id, 60_000);
        expect(done.status, done.error ?? "").toBe("succeeded");
        expect(done).toMatchObject({ done: 12, succeeded: 12, failed: 0, credits: 120 });
      }
      const contents = await rootDb().content.groupBy({ by: ["taskId"], where: { taskId: { in: taskIds } }, _count: { _all: true } });
      expect(contents).toHaveLength(24);
      expect(contents.every((c) => c._count._all === 1)).toBe(true);
      expect(await rootDb().creditTransaction.count({ where: { runId: { in: runs.map((r) => r.id) } } })).toBe(24);
      expect(await rootDb().creditUsageLog.count({ where: { runId: { in: runs.map((r) => r.id) } } })).toBe(24);
      expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(10_000 - 240);
      // Items of the account in flight at once, across both processes: at most its concurrency (3),
      // plus the calls the killed process left unanswered (at most 3 more, until its slots expired).
      expect(stub.maxInFlight).toBeLessThanOrEqual(6);
      expect(stub.requests.filter((r) => r.path.endsWith("/chat/completions")).length).toBeGreaterThanOrEqual(24);
    } finally {
      await stub.close();
    }
  }, 90_000);
});
