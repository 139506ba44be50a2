// Structure and page generation against the OpenAI stub, writer tasks, progress.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as blueprints from "@/app/api/v1/site-builder/blueprints/route";
import * as generateStructure from "@/app/api/v1/site-builder/blueprints/[id]/generate_structure/route";
import * as generateAll from "@/app/api/v1/site-builder/blueprints/[id]/generate_all_pages/route";
import * as createTasks from "@/app/api/v1/site-builder/blueprints/[id]/create_tasks/route";
import * as progress from "@/app/api/v1/site-builder/blueprints/[id]/progress/route";
import * as generateContent from "@/app/api/v1/site-builder/pages/[id]/generate_content/route";
import * as regenerate from "@/app/api/v1/site-builder/pages/[id]/regenerate/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, setCredits, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const ai = setupAIStub();

async function setup(name = "Garden site") {
  const t = await twoTenants();
  const token = await tokenFor(t.a.owner.id);
  const kws = await createKeywords(t.a.site, t.a.sector.id, ["watering tomatoes", "tomato watering schedule", "tomato pests", "aphids on tomatoes"]);
  const c1 = await createCluster(t.a.site, t.a.sector.id, "Tomato watering", [kws[0].id, kws[1].id]);
  const c2 = await createCluster(t.a.site, t.a.sector.id, "Tomato pests", [kws[2].id, kws[3].id]);
  const created = await callApi(blueprints.POST, { method: "POST", token, body: { site_id: t.a.site.id, sector_id: t.a.sector.id, name, business_type: "publisher", audience: "beginners", brand_personality: "friendly", cluster_ids: [c1.id, c2.id] } });
  expect(created.status).toBe(201);
  return { ...t, token, c1, c2, bp: created.body.data as { id: number } };
}

const credits = async (accountId: number) => (await rootDb().account.findUniqueOrThrow({ where: { id: accountId } })).credits;

describe("site builder generation", () => {
  it("generates the page tree, writes page copy, queues writer tasks and reports progress by cluster", async () => {
    const { a, token, c1, c2, bp } = await setup();
    const id = String(bp.id);
    const before = await credits(a.account.id);
    const started = await callApi(generateStructure.POST, { method: "POST", token, params: { id } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const run = await waitForRun(started.body.data.task_id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.credits).toBe(5);
    expect(await credits(a.account.id)).toBe(before - 5);
    const pages = await rootDb().pageBlueprint.findMany({ where: { blueprintId: bp.id }, orderBy: { id: "asc" } });
    expect(pages.filter((p) => p.type === "home")).toHaveLength(1);
    expect(pages.filter((p) => p.type === "pillar").map((p) => p.clusterId).sort()).toEqual([c1.id, c2.id].sort());
    expect(pages.filter((p) => p.type === "post")).toHaveLength(4);
    const home = pages.find((p) => p.type === "home")!;
    const pillar = pages.find((p) => p.type === "pillar")!;
    expect(pillar.parentId).toBe(home.id);
    expect((pillar.sections as unknown[]).length).toBe(4);
    expect(await rootDb().siteBlueprintTaxonomy.count({ where: { blueprintId: bp.id, source: "ai" } })).toBe(4);
    expect((await rootDb().siteBlueprint.findUniqueOrThrow({ where: { id: bp.id } })).status).toBe("ready");

    // page copy for every page (not posts)
    const copy = await callApi(generateAll.POST, { method: "POST", token, params: { id }, body: {} });
    expect(copy.status).toBe(202);
    const copyRun = await waitForRun(copy.body.data.task_id);
    expect(copyRun.status, copyRun.error ?? "").toBe("succeeded");
    const nonPosts = pages.filter((p) => p.type !== "post").length;
    expect(copyRun.total).toBe(nonPosts);
    const written = await rootDb().pageBlueprint.findUniqueOrThrow({ where: { id: pillar.id } });
    expect(written.status).toBe("generated");
    expect((written.sections as { content: string }[]).every((s) => s.content.includes("<"))).toBe(true);
    // nothing left to write: a clear 400; regenerate one page works
    expect((await callApi(generateAll.POST, { method: "POST", token, params: { id }, body: {} })).status).toBe(400);
    expect((await callApi(generateContent.POST, { method: "POST", token, params: { id: String(pillar.id) } })).status).toBe(400);
    const again = await callApi(regenerate.POST, { method: "POST", token, params: { id: String(pillar.id) } });
    expect(again.status).toBe(202);
    expect((await waitForRun(again.body.data.task_id)).status).toBe("succeeded");

    // writer tasks for the posts, once
    const tasks = await callApi(createTasks.POST, { method: "POST", token, params: { id }, body: {} });
    expect(tasks.body.data).toMatchObject({ created: 4, existing: 0 });
    const rows = await rootDb().task.findMany({ where: { id: { in: tasks.body.data.task_ids } } });
    expect(rows.map((t) => t.clusterId).sort()).toEqual([c1.id, c1.id, c2.id, c2.id].sort());
    expect((await callApi(createTasks.POST, { method: "POST", token, params: { id }, body: {} })).body.data).toMatchObject({ created: 0, existing: 4 });
    const post = pages.find((p) => p.type === "post")!;
    expect((await callApi(generateContent.POST, { method: "POST", token, params: { id: String(post.id) } })).status).toBe(400);

    // an article for one post, in review
    await rootDb().content.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: rows[0].id, title: rows[0].title, html: "<p>x</p>", status: "review" } });
    const p = await callApi(progress.GET, { token, params: { id } });
    expect(p.status).toBe(200);
    const byCluster = Object.fromEntries(p.body.data.clusters.map((c: { cluster_id: number }) => [c.cluster_id, c]));
    expect(byCluster[rows[0].clusterId!].posts).toEqual({ planned: 2, written: 1, reviewed: 1, published: 0 });
    expect(p.body.data.posts).toEqual({ planned: 4, written: 1, reviewed: 1, published: 0 });
    expect(p.body.data.pages.planned).toBe(nonPosts);
    expect(p.body.data.pages.written).toBe(nonPosts);
  });

  it("a malformed structure (duplicate slugs, cycle, unknown parent, not JSON) fails clearly, saves nothing and charges nothing", async () => {
    for (const defect of ["[dup-slugs]", "[cycle]", "[orphan]"]) {
      const { a, token, bp } = await setup(`Broken ${defect}`);
      const before = await credits(a.account.id);
      const res = await callApi(generateStructure.POST, { method: "POST", token, params: { id: String(bp.id) } });
      const run = await waitForRun(res.body.data.task_id);
      expect(run.status, defect).toBe("failed");
      expect(run.error ?? JSON.stringify(await rootDb().runStep.findMany({ where: { runId: run.id } }))).toMatch(/site structure was not usable/);
      expect(await rootDb().pageBlueprint.count({ where: { blueprintId: bp.id } })).toBe(0);
      expect(await rootDb().siteBlueprintTaxonomy.count({ where: { blueprintId: bp.id } })).toBe(0);
      expect(await credits(a.account.id)).toBe(before);
      expect((await rootDb().siteBlueprint.findUniqueOrThrow({ where: { id: bp.id } })).status).toBe("draft");
    }
    const { a, token, bp } = await setup();
    ai.stub.fail("malformed", 10);
    const run = await waitForRun((await callApi(generateStructure.POST, { method: "POST", token, params: { id: String(bp.id) } })).body.data.task_id);
    expect(run.status).toBe("failed");
    expect(await rootDb().pageBlueprint.count({ where: { blueprintId: bp.id } })).toBe(0);
    expect(await rootDb().creditTransaction.count({ where: { accountId: a.account.id, type: "usage" } })).toBe(0);
  });

  it("refuses without clusters or credits (400/402), another account's blueprint (404) and viewers (403), starting nothing", async () => {
    const { a, b, token, bp } = await setup();
    const tokenB = await tokenFor(b.owner.id);
    const empty = await callApi(blueprints.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, name: "Empty" } });
    expect((await callApi(generateStructure.POST, { method: "POST", token, params: { id: String(empty.body.data.id) } })).status).toBe(400);
    expect((await callApi(generateAll.POST, { method: "POST", token, params: { id: String(bp.id) }, body: { page_ids: ["x"] } })).status).toBe(400);
    expect((await callApi(createTasks.POST, { method: "POST", token, params: { id: String(bp.id) }, body: {} })).status).toBe(400);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    for (const handler of [generateStructure.POST, generateAll.POST, createTasks.POST]) {
      expect((await callApi(handler, { method: "POST", token: tokenB, params: { id: String(bp.id) }, body: {} })).status).toBe(404);
      expect((await callApi(handler, { method: "POST", token: viewer, params: { id: String(bp.id) }, body: {} })).status).toBe(403);
    }
    expect((await callApi(progress.GET, { token: tokenB, params: { id: String(bp.id) } })).status).toBe(404);
    expect((await callApi(progress.GET, { token: viewer, params: { id: String(bp.id) } })).status).toBe(200);
    await setCredits(a.account.id, 0);
    expect((await callApi(generateStructure.POST, { method: "POST", token, params: { id: String(bp.id) } })).status).toBe(402);
    expect(await rootDb().run.count({ where: { accountId: a.account.id } })).toBe(0);
  });
});
