// The trash for keywords, clusters and ideas: what leaves the lists, counts, exports and limits,
// what comes back on restore (cluster memberships, ideas), re-adding a trashed keyword's text,
// and plan limits on restore.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import * as keywordsRoute from "@/app/api/v1/planner/keywords/route";
import * as keywordRoute from "@/app/api/v1/planner/keywords/[id]/route";
import * as keywordsBulkDelete from "@/app/api/v1/planner/keywords/bulk_delete/route";
import * as clusterRoute from "@/app/api/v1/planner/clusters/[id]/route";
import * as ideaRoute from "@/app/api/v1/planner/ideas/[id]/route";
import * as restoreRoute from "@/app/api/v1/trash/restore/route";
import * as trashRoute from "@/app/api/v1/trash/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { checkLimit } from "@/lib/plans/limits";
import { getPlannerDashboard } from "@/lib/planner/dashboard";
import { exportKeywordsCsv } from "@/lib/planner/export";
import { importKeywordsCsv } from "@/lib/planner/import";
import { addKeywordLines, createKeyword, listKeywords as listKeywordsService, updateKeyword } from "@/lib/planner/keywords";
import { getCluster, listClusters as listClustersService } from "@/lib/planner/clusters";
import { listIdeas as listIdeasService } from "@/lib/planner/ideas";
import { clusterListQuerySchema, ideaListQuerySchema, keywordListQuerySchema } from "@/lib/planner/schemas";
import type { ScopedDb } from "@/lib/db/scoped";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";
import { createIdea } from "@/tests/fixtures/writer";

const entryOf = (itemType: "keyword" | "cluster" | "idea", itemId: number) => rootDb().trashEntry.findFirst({ where: { itemType, itemId } });
const stats = (id: number) => rootDb().cluster.findUniqueOrThrow({ where: { id }, select: { keywordsCount: true, volume: true } });
const list = { page: 1, pageSize: 50 };
const listKeywords = (db: ScopedDb, q: Record<string, unknown>) => listKeywordsService(db, keywordListQuerySchema.parse(q));
const listClusters = (db: ScopedDb, q: Record<string, unknown>) => listClustersService(db, clusterListQuerySchema.parse(q));
const listIdeas = (db: ScopedDb, q: Record<string, unknown>) => listIdeasService(db, ideaListQuerySchema.parse(q));

async function csvText(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("trash: keywords, clusters, ideas", () => {
  it("a trashed keyword leaves lists, counts, exports, the dashboard and the plan's count; restore puts it back in its clusters", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ctx);
    const sector = { ...a.sector, siteId: a.site.id };
    const [soil, mulch] = await createKeywords(sector, [{ keyword: "raised bed soil", volume: 300 }, { keyword: "mulch", volume: 100 }]);
    const cluster = await createCluster(sector, "Soil", [soil.id, mulch.id]);
    await rootDb().cluster.update({ where: { id: cluster.id }, data: { keywordsCount: 2, volume: 400 } });
    const before = (await checkLimit(a.account.id, "keywords", 0)).current;
    const token = await tokenFor(a.owner.id);

    expect((await callApi(keywordRoute.DELETE, { method: "DELETE", token, params: { id: String(soil.id) } })).status).toBe(200);
    expect((await listKeywords(db, { ...list, siteId: a.site.id })).results.map((k) => k.keyword)).toEqual(["mulch"]);
    expect((await callApi(keywordRoute.GET, { token, params: { id: String(soil.id) } })).status).toBe(404);
    expect(await csvText(exportKeywordsCsv(db, { siteId: a.site.id }))).not.toContain("raised bed soil");
    expect((await getPlannerDashboard(db, { siteId: a.site.id })).counts).toMatchObject({ keywords: 1 });
    expect((await checkLimit(a.account.id, "keywords", 0)).current).toBe(before - 1);
    expect(await stats(cluster.id)).toEqual({ keywordsCount: 1, volume: 100 });
    // Trashed rows cannot be changed through the app either.
    expect((await callApi(keywordRoute.PATCH, { method: "PATCH", token, params: { id: String(soil.id) }, body: { volume: 1 } })).status).toBe(404);

    const listed = await callApi(trashRoute.GET, { token, url: `/api/v1/trash/?site_id=${a.site.id}&type=keyword` });
    expect(listed.body.data).toMatchObject({ count: 1, results: [{ item_type: "keyword", item_id: soil.id, label: "raised bed soil", note: "in 1 cluster", deleted_by: expect.any(String) }] });
    const purgeAt = new Date(listed.body.data.results[0].purge_at).getTime() - new Date(listed.body.data.results[0].deleted_at).getTime();
    expect(purgeAt).toBe(30 * 86_400_000);

    const restored = await callApi(restoreRoute.POST, { method: "POST", token, body: { ids: [listed.body.data.results[0].id] } });
    expect(restored.body).toMatchObject({ success: true, data: { restored_count: 1, by_type: { keyword: 1 } } });
    expect((await listKeywords(db, { ...list, siteId: a.site.id, clusterId: cluster.id })).count).toBe(2);
    expect(await stats(cluster.id)).toEqual({ keywordsCount: 2, volume: 400 });
    expect(await entryOf("keyword", soil.id)).toBeNull();
  });

  it("a trashed cluster takes its keyword memberships and ideas with it; restoring puts them back, in either order with its keywords", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ctx);
    const token = await tokenFor(a.owner.id);
    const sector = { ...a.sector, siteId: a.site.id };
    const [k1, k2] = await createKeywords(sector, [{ keyword: "cedar beds", volume: 50 }, { keyword: "metal beds", volume: 70 }]);
    const cluster = await createCluster(sector, "Beds", [k1.id, k2.id]);
    const idea = await createIdea(a.site, a.sector, { clusterId: cluster.id });
    const trashedIdea = await createIdea(a.site, a.sector, { clusterId: cluster.id });
    expect((await callApi(ideaRoute.DELETE, { method: "DELETE", token, params: { id: String(trashedIdea.id) } })).status).toBe(200);
    expect((await getCluster(db, cluster.id)).ideasCount).toBe(1); // the trashed idea does not count

    expect((await callApi(clusterRoute.DELETE, { method: "DELETE", token, params: { id: String(cluster.id) } })).status).toBe(200);
    expect((await listClusters(db, { ...list, siteId: a.site.id })).count).toBe(0);
    expect((await listKeywords(db, { ...list, siteId: a.site.id, clusterId: "none" })).count).toBe(2);
    expect((await getPlannerDashboard(db, { siteId: a.site.id })).counts).toMatchObject({ clusters: 0, unclustered: 2 });
    expect((await listIdeas(db, { ...list, siteId: a.site.id })).results).toEqual([expect.objectContaining({ id: idea.id, clusterId: null, cluster: null })]);

    // A keyword trashed while its cluster is in the trash: restore the cluster first, then the keyword.
    await callApi(keywordsBulkDelete.POST, { method: "POST", token, body: { ids: [k1.id] } });
    const clusterEntry = (await entryOf("cluster", cluster.id))!;
    expect(clusterEntry.details).toMatchObject({ keywordIds: [k1.id, k2.id].sort((x, y) => x - y), ideaIds: expect.arrayContaining([idea.id, trashedIdea.id]) });
    expect((await callApi(restoreRoute.POST, { method: "POST", token, body: { ids: [clusterEntry.id] } })).status).toBe(200);
    expect(await stats(cluster.id)).toEqual({ keywordsCount: 1, volume: 70 });
    expect((await listIdeas(db, { ...list, siteId: a.site.id, clusterId: cluster.id })).results.map((i) => i.id)).toEqual([idea.id]);
    const keywordEntry = (await entryOf("keyword", k1.id))!;
    expect(keywordEntry.details).toMatchObject({ clusterIds: [cluster.id] }); // handed over by the cluster's restore
    await callApi(restoreRoute.POST, { method: "POST", token, body: { ids: [keywordEntry.id, (await entryOf("idea", trashedIdea.id))!.id] } });
    expect(await stats(cluster.id)).toEqual({ keywordsCount: 2, volume: 120 });
    expect((await getCluster(db, cluster.id)).ideasCount).toBe(2);
  });

  it("re-adding a trashed keyword's text (typed, pasted, imported, renamed to) replaces the trashed copy", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ctx);
    const token = await tokenFor(a.owner.id);
    const sector = { ...a.sector, siteId: a.site.id };
    const [typed, pasted, imported, renamed, other] = await createKeywords(sector, ["typed kw", "pasted kw", "imported kw", "renamed kw", "other kw"]);
    await callApi(keywordsBulkDelete.POST, { method: "POST", token, body: { ids: [typed.id, pasted.id, imported.id, renamed.id] } });

    const again = await callApi(keywordsRoute.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, keyword: "Typed  KW" } });
    expect(again.status).toBe(201);
    expect((await addKeywordLines(db, ctx, { siteId: a.site.id, sectorId: a.sector.id, text: "pasted kw\nbrand new" })).added).toBe(2);
    const report = await importKeywordsCsv(db, ctx, { siteId: a.site.id, sectorId: a.sector.id, body: Readable.toWeb(Readable.from([Buffer.from("Keyword,Volume\nimported kw,10\n")])) as ReadableStream<Uint8Array> });
    expect(report).toMatchObject({ imported: 1, duplicatesInSector: 0 });
    await updateKeyword(db, ctx, other.id, { keyword: "renamed kw" });
    // The trashed copies are gone for good, with their trash entries; nothing else was touched.
    expect(await rootDb().keyword.count({ where: { id: { in: [typed.id, pasted.id, imported.id, renamed.id] } } })).toBe(0);
    expect(await rootDb().trashEntry.count({ where: { siteId: a.site.id } })).toBe(0);
    expect((await listKeywords(db, { ...list, siteId: a.site.id })).results.map((k) => k.keyword).sort()).toEqual(["Typed KW", "brand new", "imported kw", "pasted kw", "renamed kw"]);
    await expect(createKeyword(db, ctx, { siteId: a.site.id, sectorId: a.sector.id, keyword: "renamed kw" })).rejects.toMatchObject({ status: 409 });
  });

  it("restoring respects the plan's limits, for the whole request, before anything changes", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const sector = { ...a.sector, siteId: a.site.id };
    const limits = { maxUsers: 1, maxSites: 2, maxSectorsPerSite: 1, maxKeywords: 2, maxClusters: 1, maxContentIdeas: 1, monthlyAiRequests: 10, monthlyWords: 1000, monthlyImages: 1, includedCredits: 0 };
    const plan = await rootDb().plan.create({ data: { name: "Tiny", slug: `tiny-${a.account.id}`, ...limits } });
    await rootDb().account.update({ where: { id: a.account.id }, data: { planId: plan.id } });
    const [k1, k2] = await createKeywords(sector, ["one", "two"]);
    await callApi(keywordsBulkDelete.POST, { method: "POST", token, body: { ids: [k1.id, k2.id] } });
    await createKeywords(sector, ["three"]); // 1 of 2 used again
    const entries = await rootDb().trashEntry.findMany({ where: { siteId: a.site.id }, select: { id: true } });
    const refused = await callApi(restoreRoute.POST, { method: "POST", token, body: { ids: entries.map((e) => e.id) } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "plan_limit_exceeded", message: expect.stringContaining("allows 2 keywords") });
    expect(await rootDb().keyword.count({ where: { id: { in: [k1.id, k2.id] }, deletedAt: null } })).toBe(0);
    expect(await rootDb().trashEntry.count({ where: { siteId: a.site.id } })).toBe(2);
    const one = await callApi(restoreRoute.POST, { method: "POST", token, body: { ids: [entries[0].id] } });
    expect(one.status).toBe(200);
  });
});
