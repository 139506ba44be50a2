// Checking local clusters: the "check" badge's work list (the clusters list's review filter), marking
// clusters checked from the app (action) and the API (PATCH checked), removing keywords that belong
// elsewhere, and "Rebuild" keeping what a person checked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { checkClustersAction, removeKeywordsFromClusterAction } from "@/lib/planner/actions";
import { countClustersToCheck } from "@/lib/planner/clusters";
import { getPlannerDashboard } from "@/lib/planner/dashboard";
import { clusterSectorLocally } from "@/lib/planner/local-clustering";
import * as clusters from "@/app/api/v1/planner/clusters/route";
import * as cluster from "@/app/api/v1/planner/clusters/[id]/route";
import { formatCapped } from "@/components/data-table/format";
import { signInAs } from "@/tests/fixtures/actions";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";

vi.mock("@/lib/auth/context", async (original) => (await import("@/tests/fixtures/actions")).actionContextModule(original as never));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

beforeEach(() => signInAs(null));

const checkedAt = async (id: number) => (await rootDb().cluster.findUniqueOrThrow({ where: { id } })).checkedAt;
const members = async (clusterId: number) => (await rootDb().keywordCluster.findMany({ where: { clusterId }, select: { keywordId: true }, orderBy: { keywordId: "asc" } })).map((l) => l.keywordId);

async function sectorWithClusters() {
  const { a, b } = await twoTenants();
  const sector = { ...a.sector, siteId: a.site.id };
  const kws = await createKeywords(sector, [{ keyword: "brake pads", volume: 900 }, { keyword: "brake pad replacement", volume: 400 }, { keyword: "battery maintainer", volume: 300 }]);
  const loose = await createCluster(sector, "brake pads", kws.map((k) => k.id), { source: "local", confidence: 0.55 });
  const tight = await createCluster(sector, "oil change", [], { source: "local", confidence: 0.9 });
  const manual = await createCluster(sector, "by hand");
  const [bk] = await createKeywords({ ...b.sector, siteId: b.site.id }, ["b kw"]);
  const theirs = await createCluster({ ...b.sector, siteId: b.site.id }, "theirs", [bk.id], { source: "local", confidence: 0.4 });
  return { a, b, kws, loose, tight, manual, theirs };
}

const listIds = async (token: string, siteId: number, review: string) =>
  ((await callApi(clusters.GET, { token, url: `/api/v1/planner/clusters/?site_id=${siteId}&review=${review}&ordering=confidence` })).body.data.results as { id: number }[]).map((c) => c.id);

describe("checking clusters", () => {
  it("the review filter lists local clusters under the bar nobody checked; marking one checked moves it to the checked list, and back", async () => {
    const { a, loose, tight } = await sectorWithClusters();
    const token = await tokenFor(a.owner.id);
    const ctx = await contextFor(a.owner.id);
    const toCheck = () => countClustersToCheck(scoped(ctx), { siteId: a.site.id });
    expect(await listIds(token, a.site.id, "needs_check")).toEqual([loose.id]);
    expect(await toCheck()).toBe(1);
    // An archived cluster needs no check, and the status filter still applies.
    await rootDb().cluster.update({ where: { id: tight.id }, data: { confidence: 0.5, status: "archived" } });
    expect(await listIds(token, a.site.id, "needs_check")).toEqual([loose.id]);
    expect(await toCheck()).toBe(1);
    expect(await listIds(token, a.site.id, "needs_check&status=archived")).toEqual([]);
    await rootDb().cluster.update({ where: { id: tight.id }, data: { confidence: 0.9, status: "active" } });
    expect((await getPlannerDashboard(scoped(ctx), { siteId: a.site.id })).counts).toMatchObject({ clusters: 3, toCheck: 1 });
    expect(await listIds(token, a.site.id, "checked")).toEqual([]);

    const patched = await callApi(cluster.PATCH, { method: "PATCH", token, params: { id: String(loose.id) }, body: { checked: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ id: loose.id, checked_at: expect.any(String), confidence: 0.55 });
    const first = await checkedAt(loose.id);
    expect(await listIds(token, a.site.id, "needs_check")).toEqual([]);
    expect(await listIds(token, a.site.id, "checked")).toEqual([loose.id]);
    expect(await toCheck()).toBe(0);
    expect((await getPlannerDashboard(scoped(ctx), { siteId: a.site.id })).counts).toMatchObject({ clusters: 3, toCheck: 0 });

    // Checking again keeps the first check's time; the app's bulk action checks the rest.
    await callApi(cluster.PATCH, { method: "PATCH", token, params: { id: String(loose.id) }, body: { checked: true } });
    expect(await checkedAt(loose.id)).toEqual(first);
    signInAs(a.owner.id);
    expect(await checkClustersAction({ ids: [loose.id, tight.id], checked: true })).toMatchObject({ ok: true, message: "Marked 1 cluster checked: “Rebuild” keeps them." });
    expect(await listIds(token, a.site.id, "checked")).toEqual([loose.id, tight.id]);

    expect(await checkClustersAction({ ids: [loose.id], checked: false })).toMatchObject({ ok: true, message: "1 cluster to check again." });
    expect(await listIds(token, a.site.id, "needs_check")).toEqual([loose.id]);
  });

  it("the count of clusters to check stops past 2,000 (the page says “2,000+”)", async () => {
    const { a } = await twoTenants();
    const rows = Array.from({ length: 2_005 }, (_, i) => ({ accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, name: `loose ${i}`, source: "local" as const, confidence: 0.5 }));
    await rootDb().cluster.createMany({ data: rows });
    const ctx = await contextFor(a.owner.id);
    expect(await countClustersToCheck(scoped(ctx), { siteId: a.site.id })).toBe(2_001);
    expect(formatCapped(2_001, 2_000)).toBe("2,000+");
    expect(formatCapped(1_999, 2_000)).toBe("1,999");
  });

  it("another account's clusters, viewers, editors of other sites and no session change nothing", async () => {
    const { a, b, loose, theirs } = await sectorWithClusters();
    signInAs(a.owner.id);
    expect(await checkClustersAction({ ids: [theirs.id], checked: true })).toMatchObject({ ok: true, message: "Marked 0 clusters checked: “Rebuild” keeps them." });
    expect((await callApi(cluster.PATCH, { method: "PATCH", token: await tokenFor(a.owner.id), params: { id: String(theirs.id) }, body: { checked: true } })).status).toBe(404);
    expect(await removeKeywordsFromClusterAction({ clusterId: theirs.id, ids: await members(theirs.id) })).toMatchObject({ ok: false, code: "not_found" });
    expect(await checkedAt(theirs.id)).toBeNull();
    expect(await members(theirs.id)).toHaveLength(1);

    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    signInAs(viewer.id);
    expect(await checkClustersAction({ ids: [loose.id], checked: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeKeywordsFromClusterAction({ clusterId: loose.id, ids: await members(loose.id) })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await callApi(cluster.PATCH, { method: "PATCH", token: await tokenFor(viewer.id), params: { id: String(loose.id) }, body: { checked: true } })).status).toBe(403);
    signInAs((await createUser(a.account.id, "editor", [])).id);
    expect(await checkClustersAction({ ids: [loose.id], checked: true })).toMatchObject({ ok: true, message: "Marked 0 clusters checked: “Rebuild” keeps them." });
    signInAs(b.owner.id);
    expect(await checkClustersAction({ ids: [loose.id], checked: true })).toMatchObject({ ok: true, message: "Marked 0 clusters checked: “Rebuild” keeps them." });
    signInAs(null);
    expect(await checkClustersAction({ ids: [loose.id], checked: true })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await checkedAt(loose.id)).toBeNull();
    expect(await members(loose.id)).toHaveLength(3);
  });

  it("bad input gets field errors (actions) or a 400 (API) and changes nothing", async () => {
    const { a, loose } = await sectorWithClusters();
    signInAs(a.owner.id);
    const cases: [unknown, string][] = [
      [{ ids: [], checked: true }, "ids"],
      [{ ids: ["x"], checked: true }, "ids"],
      [{ ids: [loose.id], checked: "yes" }, "checked"],
      [{ ids: [loose.id] }, "checked"],
      [{ ids: [-1], checked: true }, "ids"],
    ];
    for (const [input, field] of cases) {
      const result = await checkClustersAction(input as never);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "validation_error" });
      const fields = Object.keys((result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {}).map((key) => key.split(".")[0]);
      expect(fields, JSON.stringify(input)).toContain(field);
    }
    for (const input of [{ clusterId: loose.id, ids: [] }, { clusterId: "x", ids: [1] }, { clusterId: loose.id, ids: [0] }]) {
      expect(await removeKeywordsFromClusterAction(input as never), JSON.stringify(input)).toMatchObject({ ok: false, code: "validation_error" });
    }
    const token = await tokenFor(a.owner.id);
    for (const body of [{ checked: "yes" }, { checked: null }, { checked_at: "2026-01-01" }]) {
      expect((await callApi(cluster.PATCH, { method: "PATCH", token, params: { id: String(loose.id) }, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await callApi(clusters.GET, { token, url: `/api/v1/planner/clusters/?site_id=${a.site.id}&review=maybe` })).status).toBe(400);
    expect(await checkedAt(loose.id)).toBeNull();
    expect(await members(loose.id)).toHaveLength(3);
  });

  it("removing a keyword that belongs elsewhere leaves it in no cluster and recounts the cluster", async () => {
    const { a, kws, loose } = await sectorWithClusters();
    signInAs(a.owner.id);
    const maintainer = kws.find((k) => k.keyword === "battery maintainer")!;
    expect(await removeKeywordsFromClusterAction({ clusterId: loose.id, ids: [maintainer.id] })).toMatchObject({ ok: true, message: "Removed 1 keyword from the cluster." });
    expect(await members(loose.id)).toEqual(kws.filter((k) => k !== maintainer).map((k) => k.id).sort((x, y) => x - y));
    expect(await rootDb().cluster.findUniqueOrThrow({ where: { id: loose.id } })).toMatchObject({ keywordsCount: 2, volume: 1300 });
    expect(await rootDb().keywordCluster.count({ where: { keywordId: maintainer.id } })).toBe(0);
  });

  it("Rebuild keeps checked local clusters with their keywords and reclusters the rest", async () => {
    const { a } = await twoTenants();
    const sector = { ...a.sector, siteId: a.site.id };
    await createKeywords(sector, [
      { keyword: "trail running shoes", volume: 5000 },
      { keyword: "best trail running shoes", volume: 2000 },
      { keyword: "how to clean running shoes", volume: 900 },
      { keyword: "how to wash running shoes", volume: 700 },
    ]);
    const ctx = await contextFor(a.owner.id);
    const input = { siteId: a.site.id, sectorId: a.sector.id, threshold: 0.3, mode: "rebuild" as const, minClusterSize: 2 };
    await clusterSectorLocally(scoped(ctx), ctx, input);
    const made = await rootDb().cluster.findMany({ where: { sectorId: a.sector.id, source: "local" }, orderBy: { volume: "desc" } });
    expect(made.length).toBe(2);
    signInAs(a.owner.id);
    await checkClustersAction({ ids: [made[0].id], checked: true });
    const kept = await members(made[0].id);

    await clusterSectorLocally(scoped(ctx), ctx, input);
    const after = await rootDb().cluster.findMany({ where: { sectorId: a.sector.id, source: "local" }, orderBy: { volume: "desc" } });
    expect(after.map((c) => c.id)).toContain(made[0].id);
    expect(after.map((c) => c.id)).not.toContain(made[1].id);
    expect(after).toHaveLength(2);
    expect(await members(made[0].id)).toEqual(kept);
    // The checked cluster's keywords were not clustered a second time.
    expect(await rootDb().keywordCluster.count({ where: { keywordId: { in: kept } } })).toBe(kept.length);
  });
});
