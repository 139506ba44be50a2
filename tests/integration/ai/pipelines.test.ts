import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { startAutoCluster, startGenerateContent, startGenerateIdeas, startGenerateImagePrompts, startGenerateImages } from "@/lib/ai/service";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, createTasks, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const stub = setupAIStub();

describe("AI pipelines end to end (stub)", () => {
  it("auto-clusters keywords into clusters with links and counts, charges credits and logs usage", async () => {
    const { a } = await twoTenants();
    const keywords = await createKeywords(a.site, a.sector.id, ["tomato watering schedule", "watering tomatoes", "tomato fertilizer", "best fertilizer tomatoes", "pruning tomato plants", "pruning suckers"]);
    const ctx = await contextFor(a.owner.id);
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    const run = await startAutoCluster(ctx, keywords.map((k) => k.id));
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    expect(done).toMatchObject({ total: 1, done: 1, credits: 1 });
    const clusters = await rootDb().cluster.findMany({ where: { sectorId: a.sector.id }, include: { keywords: true } });
    expect(clusters.length).toBeGreaterThan(1);
    expect(clusters.every((c) => c.source === "ai" && c.keywordsCount === c.keywords.length && c.keywordsCount > 0)).toBe(true);
    expect(clusters.reduce((n, c) => n + c.keywordsCount, 0)).toBe(6);
    const after = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    expect(after).toBe(before - 1);
    const ledger = await rootDb().creditTransaction.findMany({ where: { accountId: a.account.id, type: "usage" } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ amount: -1, balanceAfter: after, runId: run.id, idempotencyKey: `${run.id}:cluster-batch-0` });
    const usage = await rootDb().creditUsageLog.findMany({ where: { runId: run.id } });
    expect(usage).toHaveLength(1);
    expect(usage[0].tokensIn).toBeGreaterThan(0);
    expect(Number(usage[0].costUsd)).toBeGreaterThan(0);
    const logs = await rootDb().runLogEntry.findMany({ where: { runId: run.id } });
    expect(logs.map((l) => l.kind)).toEqual(["request", "response"]);
    expect(JSON.stringify(logs[0].payload)).toContain("tomato fertilizer");
  });

  it("generates ideas per cluster, side by side, without repeating titles on a second run", async () => {
    const { a } = await twoTenants();
    const kws = await createKeywords(a.site, a.sector.id, ["tomato care", "tomato pests"]);
    const c1 = await createCluster(a.site, a.sector.id, "Tomato care", [kws[0].id]);
    const c2 = await createCluster(a.site, a.sector.id, "Tomato pests", [kws[1].id]);
    const ctx = await contextFor(a.owner.id);
    const run = await waitForRun((await startGenerateIdeas(ctx, [c1.id, c2.id])).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run).toMatchObject({ total: 2, done: 2, credits: 4 });
    expect(await rootDb().contentIdea.count({ where: { clusterId: c1.id } })).toBe(3);
    const again = await waitForRun((await startGenerateIdeas(ctx, [c1.id])).id);
    expect(again.status).toBe("succeeded");
    expect(await rootDb().contentIdea.count({ where: { clusterId: c1.id } })).toBe(3);
  });

  it("writes articles for tasks, then plans and generates their images (files stored, no URLs)", async () => {
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 2);
    const cluster = await createCluster(a.site, a.sector.id, "Watering");
    await rootDb().task.update({ where: { id: tasks[0].id }, data: { clusterId: cluster.id } });
    const ctx = await contextFor(a.owner.id);
    const content = await waitForRun((await startGenerateContent(ctx, tasks.map((t) => t.id))).id);
    expect(content.status, content.error ?? "").toBe("succeeded");
    const articles = await rootDb().content.findMany({ where: { taskId: { in: tasks.map((t) => t.id) } } });
    expect(articles).toHaveLength(2);
    expect(articles[0].html).toContain("<h2>");
    expect(articles[0].wordCount).toBeGreaterThan(50);
    expect(articles[0].slug).not.toBe("");
    const map = await rootDb().contentClusterMap.findMany({ where: { clusterId: cluster.id } });
    expect(map).toHaveLength(1);
    expect(map[0]).toMatchObject({ role: "primary", contentId: articles.find((c) => c.taskId === tasks[0].id)!.id });
    expect((await rootDb().task.findMany({ where: { id: { in: tasks.map((t) => t.id) } } })).every((t) => t.status === "completed")).toBe(true);

    const prompts = await waitForRun((await startGenerateImagePrompts(ctx, [tasks[0].id])).id);
    expect(prompts.status, prompts.error ?? "").toBe("succeeded");
    const images = await rootDb().image.findMany({ where: { taskId: tasks[0].id }, orderBy: { id: "asc" } });
    expect(images.map((i) => i.type)).toEqual(["featured", "in_article", "in_article"]);
    expect(images[2].position).toBe(1);

    const generated = await waitForRun((await startGenerateImages(ctx, { taskIds: [tasks[0].id] })).id);
    expect(generated.status, generated.error ?? "").toBe("succeeded");
    const files = await rootDb().image.findMany({ where: { taskId: tasks[0].id } });
    expect(files.every((i) => i.status === "generated" && i.storageKey && i.mimeType === "image/png" && i.width! > 0)).toBe(true);
    expect(files.some((i) => /^https?:/.test(i.storageKey ?? ""))).toBe(false);
    expect(stub.stub.requests.some((r) => r.path.endsWith("/images/generations"))).toBe(true);
  });
});
