// REST starters and run endpoints: 202 + task_id, progress, cross-tenant 404s, roles, bad input.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as autoCluster from "@/app/api/v1/planner/keywords/auto_cluster/route";
import * as ideas from "@/app/api/v1/planner/clusters/auto_generate_ideas/route";
import * as content from "@/app/api/v1/writer/tasks/auto_generate_content/route";
import * as images from "@/app/api/v1/writer/images/generate_images/route";
import * as progress from "@/app/api/v1/system/settings/task_progress/[id]/route";
import * as runs from "@/app/api/v1/system/runs/route";
import * as cancel from "@/app/api/v1/system/runs/[id]/cancel/route";
import * as logs from "@/app/api/v1/system/runs/[id]/logs/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, createTasks, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

setupAIStub();

async function world() {
  const { a, b } = await twoTenants();
  const [kwA, kwB] = await Promise.all([createKeywords(a.site, a.sector.id, ["tomato care", "tomato pests"]), createKeywords(b.site, b.sector.id, ["rose care"])]);
  const [clA, clB] = await Promise.all([createCluster(a.site, a.sector.id, "Tomatoes", [kwA[0].id]), createCluster(b.site, b.sector.id, "Roses", [kwB[0].id])]);
  const [tA, tB] = await Promise.all([createTasks(a.site, a.sector.id, 1), createTasks(b.site, b.sector.id, 1)]);
  const imgB = await rootDb().image.create({ data: { accountId: b.account.id, siteId: b.site.id, sectorId: b.sector.id, taskId: tB[0].id, prompt: "a rose" } });
  return { a, b, kwA, kwB, clA, clB, tA, tB, imgB };
}

describe("AI REST", () => {
  it("starts auto-clustering with 202 { task_id } and reports progress to the end", async () => {
    const { a, kwA } = await world();
    const token = await tokenFor(a.owner.id);
    const res = await callApi(autoCluster.POST, { method: "POST", token, body: { ids: kwA.map((k) => k.id) } });
    expect(res.status).toBe(202);
    const taskId = res.body.data.task_id as string;
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    await waitForRun(taskId);
    const p = await callApi(progress.GET, { token, params: { id: taskId } });
    expect(p.status).toBe(200);
    expect(p.body.data).toMatchObject({ task_id: taskId, state: "success", status: "succeeded", meta: { current: 1, total: 1, percentage: 100 } });
    expect(p.body.data.result.cluster_ids.length).toBeGreaterThan(0);
    const list = await callApi(runs.GET, { token, url: "/api/v1/system/runs/?kind=auto_cluster" });
    expect(list.body.data.count).toBe(1);
    expect(list.body.data.results[0]).toMatchObject({ id: taskId, kind: "auto_cluster", status: "succeeded", started_by_id: a.owner.id });
    expect(list.body.data.results[0].steps).toBeUndefined();
  });

  it("accepts ids for ideas, content and images and answers 202", async () => {
    const { a, clA, tA } = await world();
    const token = await tokenFor(a.owner.id);
    const r1 = await callApi(ideas.POST, { method: "POST", token, body: { ids: [clA.id] } });
    const r2 = await callApi(content.POST, { method: "POST", token, body: { ids: [tA[0].id] } });
    expect([r1.status, r2.status]).toEqual([202, 202]);
    await waitForRun(r2.body.data.task_id);
    const img = await rootDb().image.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: tA[0].id, prompt: "a tomato" } });
    const r3 = await callApi(images.POST, { method: "POST", token, body: { ids: [img.id] } });
    expect(r3.status).toBe(202);
    expect((await waitForRun(r3.body.data.task_id)).status).toBe("succeeded");
    await waitForRun(r1.body.data.task_id);
  });

  it("answers another account's ids with 404 on every starter and run endpoint, and changes nothing", async () => {
    const { a, b, kwA, kwB, clB, tB, imgB } = await world();
    const tokenA = await tokenFor(a.owner.id);
    const calls = [
      callApi(autoCluster.POST, { method: "POST", token: tokenA, body: { ids: [kwB[0].id] } }),
      callApi(autoCluster.POST, { method: "POST", token: tokenA, body: { ids: [kwA[0].id, kwB[0].id] } }),
      callApi(ideas.POST, { method: "POST", token: tokenA, body: { ids: [clB.id] } }),
      callApi(content.POST, { method: "POST", token: tokenA, body: { ids: [tB[0].id] } }),
      callApi(images.POST, { method: "POST", token: tokenA, body: { ids: [imgB.id] } }),
      callApi(images.POST, { method: "POST", token: tokenA, body: { task_ids: [tB[0].id] } }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    expect(await rootDb().run.count({ where: { accountId: { in: [a.account.id, b.account.id] } } })).toBe(0);
    const runB = await callApi(ideas.POST, { method: "POST", token: await tokenFor(b.owner.id), body: { ids: [clB.id] } });
    const idB = runB.body.data.task_id;
    await waitForRun(idB);
    for (const res of await Promise.all([
      callApi(progress.GET, { token: tokenA, params: { id: idB } }),
      callApi(cancel.POST, { method: "POST", token: tokenA, params: { id: idB } }),
      callApi(logs.GET, { token: tokenA, params: { id: idB } }),
    ])) expect(res.status).toBe(404);
    expect((await callApi(runs.GET, { token: tokenA })).body.data.count).toBe(0);
  });

  it("viewers cannot start or cancel runs; only owners, admins and developers read a run's prompts", async () => {
    const { a, kwA } = await world();
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const admin = await createUser(a.account.id, "admin");
    const viewerToken = await tokenFor(viewer.id);
    expect((await callApi(autoCluster.POST, { method: "POST", token: viewerToken, body: { ids: [kwA[0].id] } })).status).toBe(403);
    const started = await callApi(autoCluster.POST, { method: "POST", token: await tokenFor(editor.id), body: { ids: [kwA[0].id] } });
    expect(started.status).toBe(202);
    const id = started.body.data.task_id;
    await waitForRun(id);
    expect((await callApi(cancel.POST, { method: "POST", token: viewerToken, params: { id } })).status).toBe(403);
    expect((await callApi(progress.GET, { token: viewerToken, params: { id } })).status).toBe(200);
    expect((await callApi(logs.GET, { token: await tokenFor(editor.id), params: { id } })).status).toBe(403);
    expect((await callApi(logs.GET, { token: viewerToken, params: { id } })).status).toBe(403);
    const adminLogs = await callApi(logs.GET, { token: await tokenFor(admin.id), params: { id } });
    expect(adminLogs.status).toBe(200);
    expect(adminLogs.body.data.results.map((e: { kind: string }) => e.kind)).toEqual(["request", "response"]);
    expect(JSON.stringify(adminLogs.body.data.results[0].payload)).toContain("tomato care");
  });

  it("editors and viewers only see runs of sites granted to them", async () => {
    const { a } = await world();
    const { createSite, createSector } = await import("@/tests/fixtures/factories");
    const other = await createSite(a.account.id);
    const sector = await createSector(other);
    const hidden = await createKeywords(other, sector.id, ["hidden keyword"]);
    const ownerToken = await tokenFor(a.owner.id);
    const started = await callApi(autoCluster.POST, { method: "POST", token: ownerToken, body: { ids: [hidden[0].id] } });
    const id = started.body.data.task_id;
    await waitForRun(id);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    expect((await callApi(progress.GET, { token: editor, params: { id } })).status).toBe(404);
    expect((await callApi(runs.GET, { token: editor })).body.data.count).toBe(0);
    expect((await callApi(runs.GET, { token: ownerToken })).body.data.count).toBe(1);
  });

  it("editors only reach keywords of sites granted to them", async () => {
    const { a } = await world();
    const { createSite, createSector } = await import("@/tests/fixtures/factories");
    const other = await createSite(a.account.id);
    const sector = await createSector(other);
    const hidden = await createKeywords(other, sector.id, ["hidden keyword"]);
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const res = await callApi(autoCluster.POST, { method: "POST", token: await tokenFor(editor.id), body: { ids: [hidden[0].id] } });
    expect(res.status).toBe(404);
  });

  it("answers bad input with 400 and starts nothing", async () => {
    const { a } = await world();
    const token = await tokenFor(a.owner.id);
    for (const body of [{}, { ids: [] }, { ids: "1,2" }, { ids: [0] }, { ids: [-1] }, { ids: ["x"] }, { ids: Array.from({ length: 5001 }, (_, i) => i + 1) }]) {
      const res = await callApi(autoCluster.POST, { method: "POST", token, body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect((await callApi(ideas.POST, { method: "POST", token, body: { ids: [1], extra: true } })).status).toBe(400);
    expect((await callApi(content.POST, { method: "POST", token, rawBody: "{not json" })).status).toBe(400);
    expect((await callApi(progress.GET, { token, params: { id: "not-a-uuid" } })).status).toBe(400);
    expect((await callApi(progress.GET, { token, params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect((await callApi(runs.GET, { token, url: "/api/v1/system/runs/?status=bogus" })).status).toBe(400);
    expect(await rootDb().run.count({ where: { accountId: a.account.id } })).toBe(0);
    expect((await callApi(autoCluster.POST, { method: "POST", body: { ids: [1] } })).status).toBe(401);
  });
});
