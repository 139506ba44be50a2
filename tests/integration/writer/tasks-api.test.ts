import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as tasks from "@/app/api/v1/writer/tasks/route";
import * as task from "@/app/api/v1/writer/tasks/[id]/route";
import * as bulkDelete from "@/app/api/v1/writer/tasks/bulk_delete/route";
import * as bulkUpdate from "@/app/api/v1/writer/tasks/bulk_update/route";
import * as contentList from "@/app/api/v1/writer/content/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser } from "@/tests/fixtures/factories";
import { createIdea, writerTenants } from "@/tests/fixtures/writer";

describe("writer tasks REST", () => {
  it("creates, lists with search/filters/ordering, retrieves, updates and deletes tasks", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const base = { site_id: a.site.id, sector_id: a.sector.id };
    const created = await callApi(tasks.POST, {
      method: "POST",
      token,
      body: { ...base, title: "Best raised bed soil", keywords: " raised bed soil,  soil mix , Raised Bed Soil ", cluster_id: a.cluster.id, content_structure: "guide", target_word_count: 2000 },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ title: "Best raised bed soil", keywords: "raised bed soil, soil mix", status: "queued", cluster: { id: a.cluster.id, name: a.cluster.name }, content: null, target_word_count: 2000 });
    const id = String(created.body.data.id);
    for (const [title, status, type] of [["Cedar or pine beds", "completed", "post"], ["Watering schedule", "failed", "page"]] as const) {
      const res = await callApi(tasks.POST, { method: "POST", token, body: { ...base, title, status, content_type: type } });
      expect(res.status).toBe(201);
    }

    const all = await callApi(tasks.GET, { token, url: `/api/v1/writer/tasks/?site_id=${a.site.id}&ordering=title` });
    expect(all.body.data.count).toBe(3);
    expect(all.body.data.results.map((t: { title: string }) => t.title)).toEqual(["Best raised bed soil", "Cedar or pine beds", "Watering schedule"]);
    const search = await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?search=SOIL MIX" });
    expect(search.body.data.results.map((t: { id: number }) => t.id)).toEqual([Number(id)]);
    const filtered = await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?status=completed,failed&ordering=-created_at" });
    expect(filtered.body.data.results.map((t: { title: string }) => t.title)).toEqual(["Watering schedule", "Cedar or pine beds"]);
    expect((await callApi(tasks.GET, { token, url: `/api/v1/writer/tasks/?cluster_id=${a.cluster.id}` })).body.data.count).toBe(1);
    expect((await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?content_type=page" })).body.data.count).toBe(1);
    expect((await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?content_structure=guide" })).body.data.count).toBe(1);
    expect((await callApi(tasks.GET, { token, url: `/api/v1/writer/tasks/?sector_id=${a.otherSector.id}` })).body.data.count).toBe(0);
    const paged = await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?page_size=2&ordering=status" });
    expect(paged.body.data).toMatchObject({ count: 3, previous: null });
    expect(paged.body.data.next).toContain("page=2");
    expect((await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?ordering=-word_count" })).status).toBe(200);

    const updated = await callApi(task.PATCH, { method: "PATCH", token, params: { id }, body: { title: "Best soil for raised beds", cluster_id: null, status: "in_progress" } });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ title: "Best soil for raised beds", cluster: null, cluster_id: null, status: "in_progress" });
    expect((await callApi(task.GET, { token, params: { id } })).body.data.title).toBe("Best soil for raised beds");

    expect((await callApi(task.DELETE, { method: "DELETE", token, params: { id } })).status).toBe(200);
    expect((await callApi(task.GET, { token, params: { id } })).status).toBe(404);
  });

  it("bulk updates status and bulk deletes, keeping the articles and freeing the ideas", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const idea = await createIdea(a.site, a.sector, { status: "queued" });
    const ids: number[] = [];
    for (const title of ["One", "Two", "Three"]) {
      const res = await callApi(tasks.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title, ...(title === "One" ? { idea_id: idea.id } : {}) } });
      ids.push(res.body.data.id);
    }
    const content = await callApi(contentList.POST, { method: "POST", token, body: { task_id: ids[0] } });
    expect(content.status).toBe(201);

    const bu = await callApi(bulkUpdate.POST, { method: "POST", token, body: { ids: ids.slice(0, 2), status: "failed" } });
    expect(bu.body).toMatchObject({ success: true, data: { updated_count: 2 }, message: "2 tasks updated." });
    expect(await rootDb().task.count({ where: { id: { in: ids }, status: "failed" } })).toBe(2);

    const bd = await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: ids.slice(0, 2) } });
    expect(bd.body.data.deleted_count).toBe(2);
    expect(await rootDb().task.count({ where: { id: { in: ids }, deletedAt: null } })).toBe(1);
    expect(await rootDb().content.findUnique({ where: { id: content.body.data.id } })).toMatchObject({ taskId: null });
    expect((await rootDb().contentIdea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("new");
  });

  it("answers another account's task ids with 404 everywhere and changes nothing", async () => {
    const { a, b } = await writerTenants();
    const tokenB = await tokenFor(b.owner.id);
    const own = await callApi(tasks.POST, { method: "POST", token: tokenB, body: { site_id: b.site.id, sector_id: b.sector.id, title: "B's own" } });
    const token = await tokenFor(a.owner.id);
    const params = { id: String(own.body.data.id) };
    const calls = [
      callApi(task.GET, { token, params }),
      callApi(task.PATCH, { method: "PATCH", token, params, body: { title: "hijack" } }),
      callApi(task.PUT, { method: "PUT", token, params, body: { title: "hijack" } }),
      callApi(task.DELETE, { method: "DELETE", token, params }),
      callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [own.body.data.id] } }),
      callApi(bulkUpdate.POST, { method: "POST", token, body: { ids: [own.body.data.id], status: "failed" } }),
      callApi(contentList.POST, { method: "POST", token, body: { task_id: own.body.data.id } }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    // A mix of own and foreign ids is refused as a whole.
    const mine = await callApi(tasks.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "A's" } });
    expect((await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [mine.body.data.id, own.body.data.id] } })).status).toBe(404);
    expect(await rootDb().task.count({ where: { id: mine.body.data.id } })).toBe(1);
    expect(await rootDb().task.findUniqueOrThrow({ where: { id: own.body.data.id } })).toMatchObject({ title: "B's own", status: "queued" });
    expect(await rootDb().content.count({ where: { taskId: own.body.data.id } })).toBe(0);
    const list = await callApi(tasks.GET, { token });
    expect(list.body.data.results.map((t: { id: number }) => t.id)).toEqual([mine.body.data.id]);
    // Another account's site in a create body.
    expect((await callApi(tasks.POST, { method: "POST", token, body: { site_id: b.site.id, sector_id: b.sector.id, title: "x" } })).status).toBe(404);
  });

  it("refuses other accounts' cluster, idea, author profile and strategy ids in bodies", async () => {
    const { a, b } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const ideaB = await createIdea(b.site, b.sector);
    const profileB = await rootDb().authorProfile.create({ data: { accountId: b.account.id, name: "B voice" } });
    const strategyB = await rootDb().strategy.create({ data: { accountId: b.account.id, name: "B strategy" } });
    const base = { site_id: a.site.id, sector_id: a.sector.id, title: "Refs" };
    for (const ref of [{ cluster_id: b.cluster.id }, { idea_id: ideaB.id }, { author_profile_id: profileB.id }, { strategy_id: strategyB.id }]) {
      const res = await callApi(tasks.POST, { method: "POST", token, body: { ...base, ...ref } });
      expect(res.status, JSON.stringify(ref)).toBe(404);
    }
    const mine = await callApi(tasks.POST, { method: "POST", token, body: base });
    const params = { id: String(mine.body.data.id) };
    for (const ref of [{ cluster_id: b.cluster.id }, { author_profile_id: profileB.id }, { strategy_id: strategyB.id }]) {
      expect((await callApi(task.PATCH, { method: "PATCH", token, params, body: ref })).status, JSON.stringify(ref)).toBe(404);
    }
    expect(await rootDb().task.count({ where: { accountId: a.account.id, OR: [{ clusterId: b.cluster.id }, { ideaId: ideaB.id }, { authorProfileId: profileB.id }, { strategyId: strategyB.id }] } })).toBe(0);
    expect((await rootDb().contentIdea.findUniqueOrThrow({ where: { id: ideaB.id } })).status).toBe("new");

    // Same account, but another site's cluster: a clear 400, not a silent mismatch.
    const otherCluster = await rootDb().cluster.create({ data: { accountId: a.account.id, siteId: a.otherSite.id, sectorId: a.otherSector.id, name: "Elsewhere" } });
    const mismatch = await callApi(task.PATCH, { method: "PATCH", token, params, body: { cluster_id: otherCluster.id } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors.cluster_id).toBeDefined();
    // Own profile and strategy work.
    const profile = await rootDb().authorProfile.create({ data: { accountId: a.account.id, name: "Voice" } });
    const strategy = await rootDb().strategy.create({ data: { accountId: a.account.id, name: "Plan", sectorId: a.sector.id } });
    const ok = await callApi(task.PATCH, { method: "PATCH", token, params, body: { author_profile_id: profile.id, strategy_id: strategy.id, cluster_id: a.cluster.id } });
    expect(ok.body.data).toMatchObject({ author_profile_id: profile.id, strategy_id: strategy.id, cluster_id: a.cluster.id });
    const otherSectorStrategy = await rootDb().strategy.create({ data: { accountId: a.account.id, name: "Other", sectorId: a.otherSector.id } });
    expect((await callApi(task.PATCH, { method: "PATCH", token, params, body: { strategy_id: otherSectorStrategy.id } })).status).toBe(400);
  });

  it("viewers read but never write; editors write only on granted sites", async () => {
    const { a } = await writerTenants();
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const ownerToken = await tokenFor(a.owner.id);
    const onOther = await callApi(tasks.POST, { method: "POST", token: ownerToken, body: { site_id: a.otherSite.id, sector_id: a.otherSector.id, title: "Other site" } });
    const onGranted = await callApi(tasks.POST, { method: "POST", token: ownerToken, body: { site_id: a.site.id, sector_id: a.sector.id, title: "Granted" } });

    const vt = await tokenFor(viewer.id);
    expect((await callApi(tasks.GET, { token: vt })).body.data.count).toBe(1);
    expect((await callApi(tasks.POST, { method: "POST", token: vt, body: { site_id: a.site.id, sector_id: a.sector.id, title: "no" } })).status).toBe(403);
    expect((await callApi(task.PATCH, { method: "PATCH", token: vt, params: { id: String(onGranted.body.data.id) }, body: { title: "no" } })).status).toBe(403);
    expect((await callApi(bulkDelete.POST, { method: "POST", token: vt, body: { ids: [onGranted.body.data.id] } })).status).toBe(403);

    const et = await tokenFor(editor.id);
    expect((await callApi(task.PATCH, { method: "PATCH", token: et, params: { id: String(onGranted.body.data.id) }, body: { title: "Edited" } })).status).toBe(200);
    expect((await callApi(task.GET, { token: et, params: { id: String(onOther.body.data.id) } })).status).toBe(404);
    expect((await callApi(task.PATCH, { method: "PATCH", token: et, params: { id: String(onOther.body.data.id) }, body: { title: "no" } })).status).toBe(404);
    expect((await callApi(tasks.POST, { method: "POST", token: et, body: { site_id: a.otherSite.id, sector_id: a.otherSector.id, title: "no" } })).status).toBe(404);
    expect((await rootDb().task.findUniqueOrThrow({ where: { id: onOther.body.data.id } })).title).toBe("Other site");
  });

  it("answers bad input with 400 and field errors", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const base = { site_id: a.site.id, sector_id: a.sector.id };
    const cases: [unknown, string][] = [
      [{ ...base }, "title"],
      [{ ...base, title: "   " }, "title"],
      [{ ...base, title: "x".repeat(301) }, "title"],
      [{ ...base, title: "x", target_word_count: 5 }, "target_word_count"],
      [{ ...base, title: "x", status: "done" }, "status"],
      [{ ...base, title: "x", content_type: "Blog Post!" }, "content_type"],
      [{ ...base, title: "x", cluster_id: "abc" }, "cluster_id"],
      [{ ...base, title: "x", account_id: 99 }, "_"],
      [{ title: "x", sector_id: a.sector.id }, "site_id"],
    ];
    for (const [body, field] of cases) {
      const res = await callApi(tasks.POST, { method: "POST", token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field !== "_") expect(Object.keys(res.body.errors), JSON.stringify(body)).toContain(field);
    }
    expect((await callApi(tasks.POST, { method: "POST", token, rawBody: "{not json" })).status).toBe(400);
    expect((await callApi(tasks.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.otherSector.id, title: "x" } })).status).toBe(400);
    expect((await callApi(task.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect((await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [] } })).status).toBe(400);
    expect((await callApi(bulkUpdate.POST, { method: "POST", token, body: { ids: [1], status: "nope" } })).status).toBe(400);
    expect((await callApi(tasks.GET, { token, url: "/api/v1/writer/tasks/?status=bogus" })).status).toBe(400);
    expect((await callApi(tasks.GET, {})).status).toBe(401);
  });
});
