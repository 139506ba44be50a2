// Model errors, timeouts, malformed output, retry then success; no key; insufficient credits.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { runAIFunction } from "@/lib/ai/engine";
import { startAutoCluster, startGenerateContent, startGenerateIdeas } from "@/lib/ai/service";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, createTasks, setCredits, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const holder = setupAIStub();

async function clusterFixture() {
  const { a } = await twoTenants();
  const kws = await createKeywords(a.site, a.sector.id, ["tomato care", "tomato pests"]);
  const cluster = await createCluster(a.site, a.sector.id, "Tomato care", kws.map((k) => k.id));
  return { a, cluster, ctx: await contextFor(a.owner.id) };
}

const balance = async (accountId: number) => (await rootDb().account.findUniqueOrThrow({ where: { id: accountId } })).credits;

describe("pipeline faults", () => {
  it("retries 429 and 500 answers and then succeeds, charging once", async () => {
    const { a, cluster, ctx } = await clusterFixture();
    holder.stub.fail("429", 1);
    holder.stub.fail("500", 1);
    const before = await balance(a.account.id);
    const run = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(await balance(a.account.id)).toBe(before - 2);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(1);
  });

  it("retries malformed output as a new step attempt (SDK retries exhausted), then succeeds", async () => {
    const { cluster, ctx } = await clusterFixture();
    holder.stub.fail("malformed", 1);
    holder.stub.fail("wrong-shape", 1);
    const run = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.retries).toBeGreaterThanOrEqual(2);
    expect(await rootDb().contentIdea.count({ where: { clusterId: cluster.id } })).toBe(3);
  });

  it("a timeout is retried; a run that keeps failing ends failed with a readable error and charges nothing", async () => {
    const { a, cluster, ctx } = await clusterFixture();
    holder.stub.fail("timeout", 1);
    const ok = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id, 30_000);
    expect(ok.status, ok.error ?? "").toBe("succeeded");

    holder.stub.fail("500", 100);
    const before = await balance(a.account.id);
    const failed = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id, 30_000);
    holder.stub.clearFaults();
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/server error \(500\)/);
    expect(await balance(a.account.id)).toBe(before);
    expect(await rootDb().creditTransaction.count({ where: { runId: failed.id } })).toBe(0);
    const log = await rootDb().runLogEntry.findMany({ where: { runId: failed.id, kind: "error" } });
    expect(log.length).toBeGreaterThan(0);
  }, 60_000);

  it("a rejected key (401) is not retried and says where to fix it", async () => {
    const { cluster, ctx } = await clusterFixture();
    holder.stub.fail("401", 1);
    const before = holder.stub.requests.length;
    const run = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/rejected the API key \(401\).*Settings → Integrations/);
    expect(holder.stub.requests.length - before).toBe(1);
  });

  it("without any key the engine explains how to add one", async () => {
    const { cluster, ctx } = await clusterFixture();
    const saved = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    try {
      await expect(runAIFunction(ctx, "generate_ideas", { clusterId: cluster.id })).rejects.toMatchObject({ code: "configuration_error", message: expect.stringMatching(/Settings → Integrations/) });
      const run = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id);
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/add an OpenAI key/);
    } finally {
      process.env.OPENAI_API_KEY = saved.key;
      process.env.OPENAI_BASE_URL = saved.base;
    }
  });

  it("items the account cannot pay for fail with 'needs N credits, has M'; the run ends with errors, never below zero", async () => {
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 3);
    const ctx = await contextFor(a.owner.id);
    await setCredits(a.account.id, 0);
    await expect(startGenerateContent(ctx, [tasks[0].id])).rejects.toMatchObject({ status: 402, message: "Needs 10 credits, has 0." });
    await setCredits(a.account.id, 15); // one article (10), not two
    holder.stub.latencyMs = 20;
    const kw = await createKeywords(a.site, a.sector.id, ["x"]);
    void kw;
    const run = await waitForRun((await startGenerateContent(ctx, tasks.map((t) => t.id))).id);
    expect(run.status).toBe("completed_with_errors");
    expect(run).toMatchObject({ succeeded: 1, failed: 2, credits: 10 });
    expect(run.error).toMatch(/Needs 10 credits, has 5\./);
    expect(await balance(a.account.id)).toBe(5);
    expect(await rootDb().content.count({ where: { taskId: { in: tasks.map((t) => t.id) } } })).toBe(1);
  });

  it("cancelling stops the run before its next step", async () => {
    const { a } = await twoTenants();
    const keywords = await createKeywords(a.site, a.sector.id, Array.from({ length: 120 }, (_, i) => `keyword ${i} tomato`));
    const ctx = await contextFor(a.owner.id);
    holder.stub.latencyMs = 150;
    const run = await startAutoCluster(ctx, keywords.map((k) => k.id));
    await new Promise((r) => setTimeout(r, 250));
    const { cancelRun } = await import("@/lib/runs/service");
    const { scoped } = await import("@/lib/db/scoped");
    await cancelRun(scoped(ctx), ctx, run.id);
    const done = await waitForRun(run.id);
    expect(done.status).toBe("cancelled");
    expect(done.done).toBeLessThan(3);
  });
});

describe("plan limits", () => {
  it("refuses a run that would exceed the plan's monthly AI requests, saying so", async () => {
    const { createAccount, createSite, createSector } = await import("@/tests/fixtures/factories");
    const { owner, account } = await createAccount({ planSlug: "free" });
    const site = await createSite(account.id);
    const sector = await createSector(site);
    const tasks = await createTasks(site, sector.id, 101);
    await setCredits(account.id, 5_000);
    await expect(startGenerateContent(await contextFor(owner.id), tasks.map((t) => t.id))).rejects.toMatchObject({ code: "plan_limit_exceeded", message: expect.stringMatching(/Free plan allows 100 AI requests this month/) });
    expect(await rootDb().run.count({ where: { accountId: account.id } })).toBe(0);
  });
});
