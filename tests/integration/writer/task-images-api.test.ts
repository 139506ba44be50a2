// POST /writer/tasks/generate_images/ {ids}: plans image prompts for articles without them, then
// generates every image of the tasks in one run; cross-tenant, role, bad-input and fault cases.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as generate from "@/app/api/v1/writer/tasks/generate_images/route";
import { startGenerateContent } from "@/lib/ai/service";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createTasks, setCredits, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const stub = setupAIStub();

async function tasksWithArticles() {
  const { a, b } = await twoTenants();
  const [tA, tB] = await Promise.all([createTasks(a.site, a.sector.id, 2), createTasks(b.site, b.sector.id, 1)]);
  const written = await waitForRun((await startGenerateContent(await contextFor(a.owner.id), tA.map((t) => t.id))).id);
  expect(written.status, written.error ?? "").toBe("succeeded");
  return { a, b, tA, tB };
}

describe("POST /writer/tasks/generate_images/", () => {
  it("plans prompts where an article has none, then generates all images of the tasks; charged once each", async () => {
    const { a, tA } = await tasksWithArticles();
    const token = await tokenFor(a.owner.id);
    // The second task already has a planned image: only the first is planned again.
    const planned = await rootDb().image.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: tA[1].id, prompt: "A watering can", type: "featured" } });
    const promptCallsBefore = stub.stub.requests.filter((r) => JSON.stringify(r.body).includes("image_prompts")).length;
    const res = await callApi(generate.POST, { method: "POST", token, body: { ids: tA.map((t) => t.id) } });
    expect(res.status).toBe(202);
    const run = await waitForRun(res.body.data.task_id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.kind).toBe("generate_images");
    const first = await rootDb().image.findMany({ where: { taskId: tA[0].id }, orderBy: { id: "asc" } });
    expect(first.map((i) => i.type)).toEqual(["featured", "in_article", "in_article"]);
    const all = await rootDb().image.findMany({ where: { taskId: { in: tA.map((t) => t.id) } } });
    expect(all.every((i) => i.status === "generated" && i.storageKey)).toBe(true);
    expect(all.find((i) => i.id === planned.id)!.prompt).toBe("A watering can"); // not re-planned
    expect(stub.stub.requests.filter((r) => JSON.stringify(r.body).includes("image_prompts")).length - promptCallsBefore).toBe(1);
    expect(run).toMatchObject({ total: 1 + all.length, done: 1 + all.length, succeeded: 1 + all.length });
    const ledger = await rootDb().creditTransaction.findMany({ where: { runId: run.id, type: "usage" } });
    expect(new Set(ledger.map((l) => l.idempotencyKey)).size).toBe(ledger.length);
    expect(ledger.map((l) => l.idempotencyKey).sort()).toEqual([`${run.id}:image-prompts-${tA[0].id}`, ...all.map((i) => `${run.id}:image-${i.id}`)].sort());

    // Everything generated: nothing to do is a 400, no run.
    const again = await callApi(generate.POST, { method: "POST", token, body: { ids: tA.map((t) => t.id) } });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already generated/);
  });

  it("a failing image model marks the images failed with a sentence; the run completes with errors", async () => {
    const { a, tA } = await tasksWithArticles();
    const token = await tokenFor(a.owner.id);
    stub.stub.fail("500", 50, "/images/generations");
    const res = await callApi(generate.POST, { method: "POST", token, body: { ids: [tA[0].id] } });
    const run = await waitForRun(res.body.data.task_id);
    expect(run.status).toBe("completed_with_errors"); // the prompts succeeded, the images failed
    const images = await rootDb().image.findMany({ where: { taskId: tA[0].id } });
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.status === "failed" && i.error && !i.storageKey)).toBe(true);
    stub.stub.clearFaults();
  });

  it("bad input, tasks without articles, no credits → 4xx and no run", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const [bare] = await createTasks(a.site, a.sector.id, 1);
    const runsBefore = await rootDb().run.count({ where: { accountId: a.account.id } });
    for (const body of [{}, { ids: [] }, { ids: ["x"] }, { ids: [-1] }, { task_ids: [bare.id] }, { ids: [bare.id], extra: 1 }, { ids: Array.from({ length: 201 }, (_, i) => i + 1) }]) {
      const r = await callApi(generate.POST, { method: "POST", token, body });
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await callApi(generate.POST, { method: "POST", token, rawBody: "{nope" })).status).toBe(400);
    const noArticle = await callApi(generate.POST, { method: "POST", token, body: { ids: [bare.id] } });
    expect(noArticle.status).toBe(400);
    expect(noArticle.body.message).toMatch(/no article yet/);
    await rootDb().content.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: bare.id, title: "T", html: "<h2>A</h2><p>b</p>" } });
    await setCredits(a.account.id, 0);
    const broke = await callApi(generate.POST, { method: "POST", token, body: { ids: [bare.id] } });
    expect(broke.status).toBe(402);
    expect(await rootDb().run.count({ where: { accountId: a.account.id } })).toBe(runsBefore);
  });

  it("cross-tenant ids → 404; viewers 403; editors of other sites 404; no run", async () => {
    const { a, b, tA, tB } = await tasksWithArticles();
    const tokenA = await tokenFor(a.owner.id);
    expect((await callApi(generate.POST, { method: "POST", token: tokenA, body: { ids: [tB[0].id] } })).status).toBe(404);
    expect((await callApi(generate.POST, { method: "POST", token: tokenA, body: { ids: [tA[0].id, tB[0].id] } })).status).toBe(404);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callApi(generate.POST, { method: "POST", token: viewer, body: { ids: [tA[0].id] } })).status).toBe(403);
    const editorOther = await tokenFor((await createUser(a.account.id, "editor", [])).id);
    expect((await callApi(generate.POST, { method: "POST", token: editorOther, body: { ids: [tA[0].id] } })).status).toBe(404);
    expect((await callApi(generate.POST, { method: "POST", body: { ids: [tA[0].id] } })).status).toBe(401);
    expect(await rootDb().run.count({ where: { accountId: b.account.id } })).toBe(0);
    expect(await rootDb().image.count({ where: { taskId: { in: [...tA, ...tB].map((t) => t.id) } } })).toBe(0);
  });
});
