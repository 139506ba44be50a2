// Honest run status, per-item errors, retrying only the failed items, cancelling at volume; and the
// retry endpoint's tenancy, roles and bad input.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { startGenerateContent, startGenerateIdeas } from "@/lib/ai/service";
import { cancelRun } from "@/lib/runs/service";
import * as progress from "@/app/api/v1/system/settings/task_progress/[id]/route";
import * as retry from "@/app/api/v1/system/runs/[id]/retry/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createTasks, setCredits, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const holder = setupAIStub();
const RAW = /prisma|invalid `|\bat \S+\.(ts|js)|SELECT|INSERT|stack/i;
const chatCalls = () => holder.stub.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

describe("run status and retries", () => {
  it("partly failed → completed_with_errors with counts and per-item errors; retry re-does only the failed items", async () => {
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 4);
    const token = await tokenFor(a.owner.id);
    holder.stub.fail("401", 2, "/chat/completions");
    const run = await waitForRun((await startGenerateContent(await contextFor(a.owner.id), tasks.map((t) => t.id))).id);
    expect(run).toMatchObject({ status: "completed_with_errors", done: 4, succeeded: 2, failed: 2, credits: 20 });
    expect(run.message).toMatch(/2 articles written .* 2 failed: .*rejected the API key \(401\)/);

    const p = await callApi(progress.GET, { token, params: { id: run.id } });
    expect(p.body.data).toMatchObject({ state: "success", status: "completed_with_errors", succeeded: 2, failed: 2, meta: { current: 4, total: 4, succeeded: 2, failed: 2 } });
    expect(p.body.data.errors).toHaveLength(2);
    for (const e of p.body.data.errors) {
      expect(e.item).toMatch(/^content-\d+$/);
      expect(e.error).toMatch(/rejected the API key/);
      expect(e.error).not.toMatch(RAW);
    }
    const failedTasks = await rootDb().task.findMany({ where: { id: { in: tasks.map((t) => t.id) }, status: "failed" } });
    expect(failedTasks).toHaveLength(2);

    const calls = chatCalls();
    const retried = await callApi(retry.POST, { method: "POST", token, params: { id: run.id } });
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ succeeded: 2, failed: 0, error: null });
    expect(["pending", "running"]).toContain(retried.body.data.status);
    const again = await waitForRun(run.id);
    expect(again).toMatchObject({ status: "succeeded", done: 4, succeeded: 4, failed: 0, credits: 40, error: null });
    expect(chatCalls() - calls).toBe(2);
    const contents = await rootDb().content.groupBy({ by: ["taskId"], where: { taskId: { in: tasks.map((t) => t.id) } }, _count: { _all: true } });
    expect(contents).toHaveLength(4);
    expect(contents.every((c) => c._count._all === 1)).toBe(true);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(4);
    expect(await rootDb().task.count({ where: { id: { in: tasks.map((t) => t.id) }, status: "completed" } })).toBe(4);
    // Nothing left to retry.
    expect((await callApi(retry.POST, { method: "POST", token, params: { id: run.id } })).status).toBe(409);
  });

  it("a run all of whose items failed is failed (REST state failure), with a readable error", async () => {
    const { a } = await twoTenants();
    const cluster = await createCluster(a.site, a.sector.id, "Tomatoes");
    holder.stub.fail("500", 100);
    const run = await waitForRun((await startGenerateIdeas(await contextFor(a.owner.id), [cluster.id])).id, 30_000);
    holder.stub.clearFaults();
    expect(run).toMatchObject({ status: "failed", succeeded: 0, failed: 1 });
    expect(run.error).toMatch(/server error \(500\)/);
    expect(run.error).not.toMatch(RAW);
    const p = await callApi(progress.GET, { token: await tokenFor(a.owner.id), params: { id: run.id } });
    expect(p.body.data).toMatchObject({ state: "failure", status: "failed", failed: 1 });
  }, 40_000);

  it("cancelling a large run stops it within one item and charges only the work that was done", async () => {
    process.env.RUN_CONCURRENCY_PER_ACCOUNT = "4";
    try {
      const { a } = await twoTenants();
      await setCredits(a.account.id, 5_000);
      const tasks = await createTasks(a.site, a.sector.id, 60);
      const ctx = await contextFor(a.owner.id);
      holder.stub.latencyMs = 80;
      const run = await startGenerateContent(ctx, tasks.map((t) => t.id));
      for (let i = 0; i < 2000 && (await rootDb().run.findUniqueOrThrow({ where: { id: run.id } })).done < 6; i++) await new Promise((r) => setTimeout(r, 10));
      await cancelRun(scoped(ctx), ctx, run.id);
      const callsAtCancel = chatCalls();
      await new Promise((r) => setTimeout(r, 1_500));
      // At most the items already in flight (the account's 4 slots, plus those that had read the gate) finish.
      expect(chatCalls() - callsAtCancel).toBeLessThanOrEqual(4);
      const ended = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
      expect(ended.status).toBe("cancelled");
      const articles = await rootDb().content.count({ where: { taskId: { in: tasks.map((t) => t.id) } } });
      expect(articles).toBeLessThan(20);
      expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(articles);
      expect(ended.credits).toBe(articles * 10);
      expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(5_000 - articles * 10);
    } finally {
      delete process.env.RUN_CONCURRENCY_PER_ACCOUNT;
    }
  });
});

describe("POST /api/v1/system/runs/{id}/retry/", () => {
  it("answers another account's run with 404, a viewer with 403, bad ids with 400, a running run with 409; nothing changes", async () => {
    const { a, b } = await twoTenants();
    const cluster = await createCluster(b.site, b.sector.id, "Roses");
    holder.stub.fail("401", 1);
    const runB = await waitForRun((await startGenerateIdeas(await contextFor(b.owner.id), [cluster.id])).id);
    expect(runB.status).toBe("failed");
    const tokenA = await tokenFor(a.owner.id);
    expect((await callApi(retry.POST, { method: "POST", token: tokenA, params: { id: runB.id } })).status).toBe(404);
    const viewer = await createUser(b.account.id, "viewer", [b.site.id]);
    expect((await callApi(retry.POST, { method: "POST", token: await tokenFor(viewer.id), params: { id: runB.id } })).status).toBe(403);
    expect((await callApi(retry.POST, { method: "POST", token: tokenA, params: { id: "not-a-uuid" } })).status).toBe(400);
    expect((await rootDb().run.findUniqueOrThrow({ where: { id: runB.id } })).status).toBe("failed");

    holder.stub.latencyMs = 300;
    const tokenB = await tokenFor(b.owner.id);
    const running = await startGenerateIdeas(await contextFor(b.owner.id), [cluster.id]);
    expect((await callApi(retry.POST, { method: "POST", token: tokenB, params: { id: running.id } })).status).toBe(409);
    await waitForRun(running.id);
    const ok = await callApi(retry.POST, { method: "POST", token: tokenB, params: { id: runB.id } });
    expect(ok.status).toBe(200);
    expect((await waitForRun(runB.id)).status).toBe("succeeded");
  });
});
