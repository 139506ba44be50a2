import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { clusterSectorLocally } from "@/lib/planner/local-clustering";
import * as clusters from "@/app/api/v1/planner/clusters/route";
import * as cluster from "@/app/api/v1/planner/clusters/[id]/route";
import * as merge from "@/app/api/v1/planner/clusters/merge/route";
import * as move from "@/app/api/v1/planner/clusters/move_keywords/route";
import * as ideas from "@/app/api/v1/planner/ideas/route";
import * as idea from "@/app/api/v1/planner/ideas/[id]/route";
import * as ideasBulkDelete from "@/app/api/v1/planner/ideas/bulk_delete/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createAccount, createSector, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";

const stats = (id: number) => rootDb().cluster.findUniqueOrThrow({ where: { id }, select: { keywordsCount: true, volume: true } });

describe("clusters REST", () => {
  it("creates with keywords, renames, lists with counts and volume, deletes leaving keywords unassigned", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const kws = await createKeywords({ ...a.sector, siteId: a.site.id }, [{ keyword: "x", volume: 100 }, { keyword: "y", volume: 50 }]);
    const created = await callApi(clusters.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, name: "Shoes", keyword_ids: kws.map((k) => k.id) } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Shoes", keywords_count: 2, volume: 150, source: "manual" });
    const id = String(created.body.data.id);
    expect((await callApi(cluster.PATCH, { method: "PATCH", token, params: { id }, body: { name: "Running shoes" } })).body.data.name).toBe("Running shoes");
    const list = await callApi(clusters.GET, { token, url: `/api/v1/planner/clusters/?site_id=${a.site.id}&ordering=-volume` });
    expect(list.body.data.results[0]).toMatchObject({ name: "Running shoes", keywords_count: 2, volume: 150 });
    expect((await callApi(cluster.DELETE, { method: "DELETE", token, params: { id } })).status).toBe(200);
    expect(await rootDb().keyword.count({ where: { id: { in: kws.map((k) => k.id) } } })).toBe(2);
  });

  it("merges two clusters (keywords and ideas move, counts stay right) and moves keywords between clusters", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const sector = { ...a.sector, siteId: a.site.id };
    const [k1, k2, k3] = await createKeywords(sector, [{ keyword: "k1", volume: 10 }, { keyword: "k2", volume: 20 }, { keyword: "k3", volume: 40 }]);
    const source = await createCluster(sector, "Source", [k1.id, k2.id]);
    const target = await createCluster(sector, "Target", [k2.id, k3.id]);
    const theIdea = await rootDb().contentIdea.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, title: "Idea", clusterId: source.id } });
    const merged = await callApi(merge.POST, { method: "POST", token, body: { source_id: source.id, target_id: target.id } });
    expect(merged.body.data).toMatchObject({ id: target.id, keywords_count: 3, volume: 70 });
    expect(await rootDb().cluster.findUnique({ where: { id: source.id } })).toBeNull();
    expect((await rootDb().contentIdea.findUniqueOrThrow({ where: { id: theIdea.id } })).clusterId).toBe(target.id);

    const other = await createCluster(sector, "Other");
    await callApi(move.POST, { method: "POST", token, body: { keyword_ids: [k3.id], from_cluster_id: target.id, to_cluster_id: other.id } });
    expect(await stats(target.id)).toEqual({ keywordsCount: 2, volume: 30 });
    expect(await stats(other.id)).toEqual({ keywordsCount: 1, volume: 40 });
  });

  it("refuses merging across sectors (400) and other accounts' clusters (404), changing nothing", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const otherSector = await createSector(a.site);
    const c1 = await createCluster({ ...a.sector, siteId: a.site.id }, "A1");
    const c2 = await createCluster({ ...otherSector, siteId: a.site.id }, "A2");
    const [bk] = await createKeywords({ ...b.sector, siteId: b.site.id }, ["b kw"]);
    const bc = await createCluster({ ...b.sector, siteId: b.site.id }, "B", [bk.id]);
    expect((await callApi(merge.POST, { method: "POST", token, body: { source_id: c1.id, target_id: c2.id } })).status).toBe(400);
    expect((await callApi(merge.POST, { method: "POST", token, body: { source_id: bc.id, target_id: c1.id } })).status).toBe(404);
    expect((await callApi(merge.POST, { method: "POST", token, body: { source_id: c1.id, target_id: bc.id } })).status).toBe(404);
    expect((await callApi(move.POST, { method: "POST", token, body: { keyword_ids: [bk.id], to_cluster_id: c1.id } })).status).toBe(404);
    for (const res of [
      await callApi(cluster.GET, { token, params: { id: String(bc.id) } }),
      await callApi(cluster.PATCH, { method: "PATCH", token, params: { id: String(bc.id) }, body: { name: "hijack" } }),
      await callApi(cluster.DELETE, { method: "DELETE", token, params: { id: String(bc.id) } }),
    ]) expect(res.status).toBe(404);
    expect(await rootDb().cluster.findUniqueOrThrow({ where: { id: bc.id } })).toMatchObject({ name: "B" });
    expect(await rootDb().keywordCluster.count({ where: { clusterId: bc.id } })).toBe(1);
    expect((await callApi(merge.POST, { method: "POST", token, body: { source_id: c1.id, target_id: c1.id } })).status).toBe(400);
  });

  it("lets viewers read only and enforces the plan's cluster limit", async () => {
    const { a } = await twoTenants();
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callApi(clusters.GET, { token: viewer })).status).toBe(200);
    expect((await callApi(clusters.POST, { method: "POST", token: viewer, body: { site_id: a.site.id, sector_id: a.sector.id, name: "No" } })).status).toBe(403);

    const { owner, account } = await createAccount({ planSlug: "free" });
    const site = await createSite(account.id);
    const sector = await createSector(site);
    await rootDb().cluster.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ accountId: account.id, siteId: site.id, sectorId: sector.id, name: `c${i}` })) });
    const res = await callApi(clusters.POST, { method: "POST", token: await tokenFor(owner.id), body: { site_id: site.id, sector_id: sector.id, name: "51st" } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/allows 50 clusters.*1 over/);
  });
});

describe("ideas REST", () => {
  it("creates, edits, filters by cluster and status, deletes", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const c = await createCluster({ ...a.sector, siteId: a.site.id }, "Topic");
    const base = { site_id: a.site.id, sector_id: a.sector.id };
    const one = await callApi(ideas.POST, { method: "POST", token, body: { ...base, title: "How to choose trail shoes", cluster_id: c.id, content_structure: "how_to", estimated_word_count: 1800, target_keywords: "trail shoes, how to choose" } });
    expect(one.status).toBe(201);
    expect(one.body.data).toMatchObject({ title: "How to choose trail shoes", status: "new", cluster: { id: c.id, name: "Topic" } });
    await callApi(ideas.POST, { method: "POST", token, body: { ...base, title: "Unclustered idea" } });
    const id = String(one.body.data.id);
    expect((await callApi(idea.PATCH, { method: "PATCH", token, params: { id }, body: { status: "archived" } })).body.data.status).toBe("archived");
    const byCluster = await callApi(ideas.GET, { token, url: `/api/v1/planner/ideas/?cluster_id=${c.id}` });
    expect(byCluster.body.data.count).toBe(1);
    expect((await callApi(ideas.GET, { token, url: "/api/v1/planner/ideas/?status=new" })).body.data.results.map((i: { title: string }) => i.title)).toEqual(["Unclustered idea"]);
    expect((await callApi(ideasBulkDelete.POST, { method: "POST", token, body: { ids: [Number(id)] } })).body.data).toEqual({ deleted: 1 });
  });

  it("refuses clusters of another sector (400) or account (404) and other accounts' ideas (404)", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const otherSector = await createSector(a.site);
    const foreign = await createCluster({ ...otherSector, siteId: a.site.id }, "Elsewhere");
    const theirs = await createCluster({ ...b.sector, siteId: b.site.id }, "Theirs");
    const base = { site_id: a.site.id, sector_id: a.sector.id, title: "T" };
    expect((await callApi(ideas.POST, { method: "POST", token, body: { ...base, cluster_id: foreign.id } })).status).toBe(400);
    expect((await callApi(ideas.POST, { method: "POST", token, body: { ...base, cluster_id: theirs.id } })).status).toBe(404);
    const bIdea = await rootDb().contentIdea.create({ data: { accountId: b.account.id, siteId: b.site.id, sectorId: b.sector.id, title: "Theirs" } });
    expect((await callApi(idea.PATCH, { method: "PATCH", token, params: { id: String(bIdea.id) }, body: { title: "hijack" } })).status).toBe(404);
    expect((await callApi(ideasBulkDelete.POST, { method: "POST", token, body: { ids: [bIdea.id] } })).status).toBe(404);
    expect((await rootDb().contentIdea.findUniqueOrThrow({ where: { id: bIdea.id } })).title).toBe("Theirs");
    expect((await callApi(ideas.POST, { method: "POST", token, body: { ...base, estimated_word_count: 5 } })).status).toBe(400);
    expect((await callApi(ideas.POST, { method: "POST", token, body: { ...base, title: "" } })).status).toBe(400);
  });
});

describe("local clustering", () => {
  it("clusters a sector's unclustered keywords, names clusters by head term, and is idempotent", async () => {
    const { a } = await twoTenants();
    const sector = { ...a.sector, siteId: a.site.id };
    await createKeywords(sector, [
      { keyword: "trail running shoes", volume: 5000, intent: "commercial" },
      { keyword: "best trail running shoes", volume: 2000, intent: "commercial" },
      { keyword: "trail running shoe", volume: 300, intent: "commercial" },
      { keyword: "how to clean running shoes", volume: 900, intent: "informational" },
      { keyword: "cleaning running shoes", volume: 400, intent: "informational" },
      { keyword: "how to wash running shoes", volume: 700, intent: "informational" },
    ]);
    const ctx = await contextFor(a.owner.id);
    const progress: string[] = [];
    const result = await clusterSectorLocally(scoped(ctx), ctx, { siteId: a.site.id, sectorId: a.sector.id, threshold: 0.3, mode: "unclustered", minClusterSize: 2 }, (p) => {
      progress.push(p.phase);
    });
    expect(result.keywords).toBe(6);
    expect(result.clusters).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual(expect.arrayContaining(["loading", "clustering", "saving"]));
    const saved = await rootDb().cluster.findMany({ where: { sectorId: a.sector.id }, orderBy: { volume: "desc" } });
    expect(saved[0]).toMatchObject({ name: "trail running shoes", source: "local", keywordsCount: 3, volume: 7300 });
    expect(saved.every((c) => c.confidence !== null && c.confidence >= 0 && c.confidence <= 1)).toBe(true);

    const again = await clusterSectorLocally(scoped(ctx), ctx, { siteId: a.site.id, sectorId: a.sector.id, threshold: 0.3, mode: "unclustered", minClusterSize: 2 });
    expect(again.clusters).toBe(0);
    const rebuilt = await clusterSectorLocally(scoped(ctx), ctx, { siteId: a.site.id, sectorId: a.sector.id, threshold: 0.3, mode: "rebuild", minClusterSize: 2 });
    expect(rebuilt.clusters).toBe(saved.length);
    expect(await rootDb().cluster.count({ where: { sectorId: a.sector.id } })).toBe(saved.length);
  });

  it("rebuild keeps the earlier local clusters when the new ones would exceed the plan", async () => {
    const { owner, account } = await createAccount({ planSlug: "free" });
    const site = await createSite(account.id);
    const sector = await createSector(site);
    const place = { ...sector, siteId: site.id };
    await createKeywords(place, [
      { keyword: "trail running shoes", volume: 5000 },
      { keyword: "best trail running shoes", volume: 2000 },
      { keyword: "how to clean running shoes", volume: 900 },
      { keyword: "how to wash running shoes", volume: 700 },
    ]);
    const ctx = await contextFor(owner.id);
    const input = { siteId: site.id, sectorId: sector.id, threshold: 0.3, mode: "rebuild" as const, minClusterSize: 2 };
    const first = await clusterSectorLocally(scoped(ctx), ctx, input);
    const before = await rootDb().cluster.findMany({ where: { sectorId: sector.id, source: "local" }, select: { id: true } });
    expect(before.length).toBe(first.clusters);
    await rootDb().cluster.createMany({ data: Array.from({ length: 50 - first.clusters }, (_, i) => ({ accountId: account.id, siteId: site.id, sectorId: sector.id, name: `manual ${i}` })) });
    await createKeywords(place, [
      { keyword: "garden hose reel", volume: 800 },
      { keyword: "best garden hose reel", volume: 400 },
    ]);
    await expect(clusterSectorLocally(scoped(ctx), ctx, input)).rejects.toThrow(/allows 50 clusters/);
    const after = await rootDb().cluster.findMany({ where: { sectorId: sector.id, source: "local" }, select: { id: true } });
    expect(after).toEqual(before);
  });
});
