// A process dies mid-run; a new one resumes it: the run completes once, with no duplicate rows
// and no double charges (steps cut off after their side effect are replayed from the ledger).
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { startAutoCluster, startGenerateIdeas } from "@/lib/ai/service";
import { InProcessRuntime, setRuntime } from "@/lib/runs/runtime";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const holder = setupAIStub();

function dyingRuntime(stepsBeforeDeath: number, match: RegExp) {
  let seen = 0;
  const runtime: InProcessRuntime = new InProcessRuntime({
    retryBaseMs: 5,
    onStepSaved: (_runId, name) => {
      if (match.test(name) && ++seen >= stepsBeforeDeath) runtime.stop();
    },
  });
  return runtime;
}

describe("restart recovery", () => {
  it("resumes an auto-cluster run after the process died between batches", async () => {
    const { a } = await twoTenants();
    const words = ["alpha", "bravo", "charlie", "delta", "echo"];
    const keywords = await createKeywords(a.site, a.sector.id, Array.from({ length: 150 }, (_, i) => `${words[i % 5]} garden ${i}`));
    const ctx = await contextFor(a.owner.id);
    const first = dyingRuntime(1, /^cluster-batch-/);
    setRuntime(first);
    const run = await startAutoCluster(ctx, keywords.map((k) => k.id));
    await first.idle();
    const mid = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
    expect(mid.status).toBe("running");
    expect(mid.done).toBeLessThan(3);

    const second = new InProcessRuntime({ retryBaseMs: 5 });
    setRuntime(second);
    expect(await second.resumeInterrupted()).toContain(run.id);
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    expect(done).toMatchObject({ total: 3, done: 3, credits: 9 });
    const clusters = await rootDb().cluster.findMany({ where: { sectorId: a.sector.id } });
    expect(new Set(clusters.map((c) => c.name)).size).toBe(clusters.length);
    expect(await rootDb().keywordCluster.count({ where: { clusterId: { in: clusters.map((c) => c.id) } } })).toBe(150);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(3);
  });

  it("steps cut off after their side effects are not repeated: parallel idea steps resume without duplicates", async () => {
    const { a } = await twoTenants();
    const names = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen"];
    const clusters = await Promise.all(names.map((n) => createCluster(a.site, a.sector.id, `Cluster ${n}`)));
    const ctx = await contextFor(a.owner.id);
    holder.stub.latencyMs = 30;
    // Three steps of up to five clusters run side by side; the process dies when the first is saved,
    // while the others have committed some of their items without being memoised.
    const first = dyingRuntime(1, /^ideas-/);
    setRuntime(first);
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    const run = await startGenerateIdeas(ctx, clusters.map((c) => c.id));
    await first.idle();
    // Steps in flight when it died may have committed (ideas saved, credits charged) without being memoised.
    const second = new InProcessRuntime({ retryBaseMs: 5 });
    setRuntime(second);
    await second.resumeInterrupted();
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    for (const c of clusters) expect(await rootDb().contentIdea.count({ where: { clusterId: c.id } })).toBe(3);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(13);
    const after = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    expect(before - after).toBe(26);
    expect(await rootDb().creditUsageLog.count({ where: { runId: run.id } })).toBe(13);
  });

  it("two runtimes driving the same run at once never double charge or duplicate", async () => {
    const { a } = await twoTenants();
    const clusters = await Promise.all(["A", "B", "C", "D"].map((n) => createCluster(a.site, a.sector.id, `Cluster ${n}`)));
    const ctx = await contextFor(a.owner.id);
    holder.stub.latencyMs = 20;
    const r1 = new InProcessRuntime({ retryBaseMs: 5 });
    setRuntime(r1);
    const run = await startGenerateIdeas(ctx, clusters.map((c) => c.id));
    const r2 = new InProcessRuntime({ retryBaseMs: 5 });
    await Promise.all([r2.enqueue(run.id), r1.idle()]);
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    for (const c of clusters) expect(await rootDb().contentIdea.count({ where: { clusterId: c.id } })).toBe(3);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(4);
  });
});
