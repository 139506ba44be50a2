// A process stops mid-run; another resumes it: the run completes once, with no duplicate rows and
// no double charges (items that committed before their step was recorded replay from the ledger).
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { runAIFunction } from "@/lib/ai/engine";
import { startAutoCluster, startGenerateIdeas } from "@/lib/ai/service";
import { LocalJobProvider } from "@/lib/jobs/local/provider";
import { setJobProvider } from "@/lib/jobs/provider";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { recordOnlyProvider, TEST_JOB_OPTIONS } from "@/tests/fixtures/jobs";

const holder = setupAIStub();

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("restart recovery", () => {
  it("resumes an auto-cluster run after its process stopped between batches", async () => {
    const { a } = await twoTenants();
    const words = ["alpha", "bravo", "charlie", "delta", "echo"];
    const keywords = await createKeywords(a.site, a.sector.id, Array.from({ length: 150 }, (_, i) => `${words[i % 5]} garden ${i}`));
    const ctx = await contextFor(a.owner.id);
    holder.stub.latencyMs = 100;
    const run = await startAutoCluster(ctx, keywords.map((k) => k.id));
    await until(async () => (await rootDb().runStep.count({ where: { runId: run.id, item: true } })) >= 1);
    await holder.jobs.provider.stop();
    const mid = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
    expect(mid.status).toBe("running");
    expect(mid.done).toBeLessThan(3);

    const second = new LocalJobProvider(TEST_JOB_OPTIONS);
    setJobProvider(second);
    second.start();
    try {
      const done = await waitForRun(run.id);
      expect(done.status, done.error ?? "").toBe("succeeded");
      expect(done).toMatchObject({ total: 3, done: 3, credits: 9 });
    } finally {
      await second.stop();
    }
    const clusters = await rootDb().cluster.findMany({ where: { sectorId: a.sector.id } });
    expect(new Set(clusters.map((c) => c.name)).size).toBe(clusters.length);
    expect(await rootDb().keywordCluster.count({ where: { clusterId: { in: clusters.map((c) => c.id) } } })).toBe(150);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(3);
  });

  it("items that committed before their step was recorded (the process died in between) are not repeated", async () => {
    const { a } = await twoTenants();
    const clusters = await Promise.all(["One", "Two", "Three", "Four"].map((n) => createCluster(a.site, a.sector.id, `Cluster ${n}`)));
    const ctx = await contextFor(a.owner.id);
    setJobProvider(recordOnlyProvider);
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    const run = await startGenerateIdeas(ctx, clusters.map((c) => c.id));
    // What a dead process left behind: two items saved and charged, no step recorded.
    for (const c of clusters.slice(0, 2)) await runAIFunction(ctx, "generate_ideas", { clusterId: c.id }, { runId: run.id, stepId: `ideas-${c.id}` });
    const calls = holder.stub.requests.length;
    const provider = new LocalJobProvider(TEST_JOB_OPTIONS);
    setJobProvider(provider);
    provider.start();
    try {
      const done = await waitForRun(run.id);
      expect(done.status, done.error ?? "").toBe("succeeded");
      expect(done).toMatchObject({ done: 4, succeeded: 4, credits: 8 });
    } finally {
      await provider.stop();
    }
    expect(holder.stub.requests.length - calls).toBe(2);
    for (const c of clusters) expect(await rootDb().contentIdea.count({ where: { clusterId: c.id } })).toBe(3);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(4);
    expect(await rootDb().creditUsageLog.count({ where: { runId: run.id } })).toBe(4);
    expect(before - (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(8);
  });

  it("a run whose lease lapses while it is driven (two processes on it at once) is never charged or saved twice", async () => {
    const { a } = await twoTenants();
    const clusters = await Promise.all(["A", "B", "C", "D", "E", "F"].map((n) => createCluster(a.site, a.sector.id, `Cluster ${n}`)));
    const ctx = await contextFor(a.owner.id);
    holder.stub.latencyMs = 60;
    const run = await startGenerateIdeas(ctx, clusters.map((c) => c.id));
    await until(async () => (await rootDb().run.findUniqueOrThrow({ where: { id: run.id } })).leaseOwner !== null);
    // As if the first process had stalled past its lease: a second one claims the run.
    await rootDb().$executeRaw`UPDATE runs SET "leaseExpiresAt" = now() - interval '1 second' WHERE id = ${run.id}::uuid`;
    const second = new LocalJobProvider(TEST_JOB_OPTIONS);
    second.start();
    try {
      const done = await waitForRun(run.id);
      expect(done.status, done.error ?? "").toBe("succeeded");
      expect(done).toMatchObject({ done: 6, succeeded: 6, credits: 12 });
    } finally {
      await second.stop();
    }
    for (const c of clusters) expect(await rootDb().contentIdea.count({ where: { clusterId: c.id } })).toBe(3);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(6);
  });
});
