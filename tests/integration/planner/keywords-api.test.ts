import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as keywords from "@/app/api/v1/planner/keywords/route";
import * as keyword from "@/app/api/v1/planner/keywords/[id]/route";
import * as bulkDelete from "@/app/api/v1/planner/keywords/bulk_delete/route";
import * as bulkStatus from "@/app/api/v1/planner/keywords/bulk_update_status/route";
import * as bulkAssign from "@/app/api/v1/planner/keywords/bulk_assign_cluster/route";
import * as bulkAdd from "@/app/api/v1/planner/keywords/bulk_add/route";
import * as seeds from "@/app/api/v1/planner/keywords/add_seed_keywords/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createSector, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";

const place = (t: { site: { id: number }; sector: { id: number } }) => ({ site_id: t.site.id, sector_id: t.sector.id });

describe("keywords REST", () => {
  it("creates keywords unique per site + sector, case- and whitespace-insensitively", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const created = await callApi(keywords.POST, { method: "POST", token, body: { ...place(a), keyword: "Best Running Shoes", volume: 2400, difficulty: 45, intent: "commercial", cpc: 1.25 } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ keyword: "Best Running Shoes", volume: 2400, difficulty: 45, intent: "commercial", cpc: 1.25, status: "pending", source: "manual", clusters: [] });
    const dup = await callApi(keywords.POST, { method: "POST", token, body: { ...place(a), keyword: "  best   running SHOES " } });
    expect(dup.status).toBe(409);
    const otherSector = await createSector(a.site);
    expect((await callApi(keywords.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: otherSector.id, keyword: "best running shoes" } })).status).toBe(201);
  });

  it("lists with search, filters, ordering and pagination", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const rows = await createKeywords({ ...a.sector, siteId: a.site.id }, [
      { keyword: "buy trail shoes", volume: 900, difficulty: 70, intent: "transactional" },
      { keyword: "how to lace shoes", volume: 5000, difficulty: 10, intent: "informational" },
      { keyword: "best trail shoes", volume: 3000, difficulty: 55, intent: "commercial" },
      { keyword: "shoe stretcher", volume: 100, difficulty: 5 },
    ]);
    const cluster = await createCluster({ ...a.sector, siteId: a.site.id }, "Trail", [rows[0].id, rows[2].id]);
    const list = async (qs: string) => (await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?site_id=${a.site.id}&${qs}` })).body.data;

    expect((await list("search=TRAIL")).count).toBe(2);
    expect((await list("intent=informational")).results.map((k: { keyword: string }) => k.keyword)).toEqual(["how to lace shoes"]);
    expect((await list("difficulty_min=50&difficulty_max=60")).results.map((k: { keyword: string }) => k.keyword)).toEqual(["best trail shoes"]);
    expect((await list("volume_min=1000")).count).toBe(2);
    expect((await list(`cluster_id=${cluster.id}`)).count).toBe(2);
    expect((await list("cluster_id=none")).count).toBe(2);
    expect((await list("ordering=-volume")).results.map((k: { volume: number }) => k.volume)).toEqual([5000, 3000, 900, 100]);
    expect((await list("ordering=difficulty")).results[0].keyword).toBe("shoe stretcher");
    const page2 = await list("ordering=-volume&page=2&page_size=3");
    expect(page2).toMatchObject({ count: 4, next: null });
    expect(page2.previous).toContain("page=1");
    expect(page2.results).toHaveLength(1);
  });

  it("edits inline, bulk-updates status, bulk-assigns to a cluster and bulk-deletes; cluster counts follow", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const sector = { ...a.sector, siteId: a.site.id };
    const [k1, k2, k3] = await createKeywords(sector, [{ keyword: "a", volume: 10 }, { keyword: "b", volume: 20 }, { keyword: "c", volume: 30 }]);
    const cluster = await createCluster(sector, "ABC");
    const assigned = await callApi(bulkAssign.POST, { method: "POST", token, body: { ids: [k1.id, k2.id, k3.id], cluster_id: cluster.id } });
    expect(assigned.body.data).toMatchObject({ assigned: 3 });
    expect(await rootDb().cluster.findUniqueOrThrow({ where: { id: cluster.id } })).toMatchObject({ keywordsCount: 3, volume: 60 });

    const edited = await callApi(keyword.PATCH, { method: "PATCH", token, params: { id: String(k1.id) }, body: { volume: 110, intent: "commercial" } });
    expect(edited.body.data).toMatchObject({ volume: 110, intent: "commercial" });
    expect((await rootDb().cluster.findUniqueOrThrow({ where: { id: cluster.id } })).volume).toBe(160);

    expect((await callApi(bulkStatus.POST, { method: "POST", token, body: { ids: [k1.id, k2.id], status: "active" } })).body.data).toEqual({ updated: 2 });
    expect((await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [k2.id] } })).body.data).toEqual({ deleted: 1 });
    expect(await rootDb().cluster.findUniqueOrThrow({ where: { id: cluster.id } })).toMatchObject({ keywordsCount: 2, volume: 140 });
  });

  it("adds many pasted lines with volumes, skipping duplicates and invalid lines", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    await createKeywords({ ...a.sector, siteId: a.site.id }, ["already here"]);
    const res = await callApi(bulkAdd.POST, { method: "POST", token, body: { ...place(a), text: "garden tools, 1,300, 40\nGarden  Tools\nalready here\n\n!!!\ncompost bin\tabc\nraised bed ideas" } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ added: 2, duplicates: 2 });
    expect(res.body.data.invalid.map((i: { line: number }) => i.line)).toEqual([5, 6]);
    const tools = await rootDb().keyword.findFirstOrThrow({ where: { siteId: a.site.id, normalized: "garden tools" } });
    expect(tools).toMatchObject({ volume: 1300, difficulty: 40 });
  });

  it("adds the sector's seed keywords once", async () => {
    const { owner, account } = await createAccount();
    const site = await createSite(account.id);
    const industrySector = await rootDb().industrySector.findFirstOrThrow({ include: { _count: { select: { seedKeywords: true } } } });
    const sector = await rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: "S", slug: "s", industrySectorId: industrySector.id } });
    const token = await tokenFor(owner.id);
    const first = await callApi(seeds.POST, { method: "POST", token, body: { site_id: site.id, sector_id: sector.id } });
    expect(first.body.data.added).toBe(industrySector._count.seedKeywords);
    const second = await callApi(seeds.POST, { method: "POST", token, body: { site_id: site.id, sector_id: sector.id } });
    expect(second.body.data).toMatchObject({ added: 0, duplicates: industrySector._count.seedKeywords });
    expect(await rootDb().keyword.count({ where: { sectorId: sector.id, source: "seed" } })).toBe(industrySector._count.seedKeywords);
  });

  it("answers another account's keywords, sites, sectors and clusters with 404 and changes nothing", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const [bk] = await createKeywords({ ...b.sector, siteId: b.site.id }, [{ keyword: "theirs", volume: 5 }]);
    const bCluster = await createCluster({ ...b.sector, siteId: b.site.id }, "Theirs", [bk.id]);
    const [ak] = await createKeywords({ ...a.sector, siteId: a.site.id }, ["mine"]);
    const params = { id: String(bk.id) };
    for (const res of [
      await callApi(keyword.GET, { token, params }),
      await callApi(keyword.PATCH, { method: "PATCH", token, params, body: { volume: 1 } }),
      await callApi(keyword.DELETE, { method: "DELETE", token, params }),
      await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [bk.id] } }),
      await callApi(bulkStatus.POST, { method: "POST", token, body: { ids: [bk.id], status: "archived" } }),
      await callApi(bulkAssign.POST, { method: "POST", token, body: { ids: [ak.id], cluster_id: bCluster.id } }),
      await callApi(keywords.POST, { method: "POST", token, body: { ...place(b), keyword: "intrusion" } }),
      await callApi(keywords.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: b.sector.id, keyword: "intrusion" } }),
      await callApi(bulkAdd.POST, { method: "POST", token, body: { ...place(b), text: "x" } }),
      await callApi(seeds.POST, { method: "POST", token, body: place(b) }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect(await rootDb().keyword.findUniqueOrThrow({ where: { id: bk.id } })).toMatchObject({ volume: 5, status: "pending" });
    expect(await rootDb().keyword.count({ where: { siteId: b.site.id } })).toBe(1);
    expect(await rootDb().keywordCluster.count({ where: { clusterId: bCluster.id } })).toBe(1);
    const list = await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?site_id=${b.site.id}` });
    expect(list.body.data.count).toBe(0);
  });

  it("lets viewers read but not write; editors work only on granted sites", async () => {
    const { a } = await twoTenants();
    const other = await createSite(a.account.id);
    const otherSector = await createSector(other);
    await createKeywords({ ...a.sector, siteId: a.site.id }, ["visible"]);
    await createKeywords({ ...otherSector, siteId: other.id }, ["hidden"]);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);

    expect((await callApi(keywords.GET, { token: viewer })).body.data.results.map((k: { keyword: string }) => k.keyword)).toEqual(["visible"]);
    expect((await callApi(keywords.POST, { method: "POST", token: viewer, body: { ...place(a), keyword: "nope" } })).status).toBe(403);
    expect((await callApi(bulkAdd.POST, { method: "POST", token: viewer, body: { ...place(a), text: "nope" } })).status).toBe(403);

    expect((await callApi(keywords.POST, { method: "POST", token: editor, body: { ...place(a), keyword: "yes" } })).status).toBe(201);
    expect((await callApi(keywords.POST, { method: "POST", token: editor, body: { site_id: other.id, sector_id: otherSector.id, keyword: "no" } })).status).toBe(404);
    expect((await callApi(keywords.GET, { token: editor })).body.data.results.map((k: { keyword: string }) => k.keyword).sort()).toEqual(["visible", "yes"]);
  });

  it("refuses past the plan's keyword limit with which limit and how far over", async () => {
    const { owner, account } = await createAccount({ planSlug: "free" });
    const site = await createSite(account.id);
    const sector = await createSector(site);
    await createKeywords({ ...sector, siteId: site.id }, Array.from({ length: 499 }, (_, i) => `kw ${i}`));
    const res = await callApi(bulkAdd.POST, { method: "POST", token: await tokenFor(owner.id), body: { site_id: site.id, sector_id: sector.id, text: "new one\nnew two\nnew three" } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Free plan allows 500 keywords\. You have 499 and asked for 3 more \(2 over\)/);
    expect(await rootDb().keyword.count({ where: { accountId: account.id } })).toBe(499);
  });

  it("answers bad input with 400 and changes nothing", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    for (const body of [{}, { ...place(a) }, { ...place(a), keyword: "" }, { ...place(a), keyword: "x".repeat(300) }, { ...place(a), keyword: "ok", difficulty: 101 }, { ...place(a), keyword: "ok", intent: "curious" }, { ...place(a), keyword: "ok", volume: -1 }, { ...place(a), keyword: "@@@" }, { site_id: "x", sector_id: 1, keyword: "ok" }]) {
      expect((await callApi(keywords.POST, { method: "POST", token, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await callApi(keywords.GET, { token, url: "/api/v1/planner/keywords/?difficulty_min=abc" })).status).toBe(400);
    expect((await callApi(bulkStatus.POST, { method: "POST", token, body: { ids: [], status: "active" } })).status).toBe(400);
    expect((await callApi(bulkStatus.POST, { method: "POST", token, body: { ids: [1], status: "gone" } })).status).toBe(400);
    expect(await rootDb().keyword.count({ where: { siteId: a.site.id } })).toBe(0);
  });
});
