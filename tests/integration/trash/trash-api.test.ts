// The trash over REST (list, restore, delete forever): other accounts' ids, roles and bad input;
// the scoped client's trash filter; the 30-day purge with a controlled clock.
import { describe, expect, it } from "vitest";
import * as keywordsBulkDelete from "@/app/api/v1/planner/keywords/bulk_delete/route";
import * as contentBulkDelete from "@/app/api/v1/writer/content/bulk_delete/route";
import * as trashRoute from "@/app/api/v1/trash/route";
import * as trashItem from "@/app/api/v1/trash/[id]/route";
import * as restoreRoute from "@/app/api/v1/trash/restore/route";
import * as purgeRoute from "@/app/api/v1/trash/purge/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { readFile } from "@/lib/storage";
import { purgeExpiredTrash } from "@/lib/trash/service";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createSector, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createKeywords } from "@/tests/fixtures/planner";
import { createArticle } from "@/tests/fixtures/publishing";

const DAY = 86_400_000;

async function trashedKeywords(tenant: { owner: { id: number }; site: { id: number; accountId: number }; sector: { id: number } }, words: string[]) {
  const rows = await createKeywords({ ...tenant.sector, accountId: tenant.site.accountId, siteId: tenant.site.id }, words);
  await callApi(keywordsBulkDelete.POST, { method: "POST", token: await tokenFor(tenant.owner.id), body: { ids: rows.map((r) => r.id) } });
  const entries = await rootDb().trashEntry.findMany({ where: { itemType: "keyword", itemId: { in: rows.map((r) => r.id) } }, orderBy: { itemId: "asc" } });
  return { rows, entries };
}

describe("trash REST", () => {
  it("hides trashed rows from every scoped read, count, aggregate and update unless the query names deletedAt", async () => {
    const { a } = await twoTenants();
    const db = scoped(await contextFor(a.owner.id));
    const { rows } = await trashedKeywords(a, ["gone", "gone too"]);
    await createKeywords({ ...a.sector, siteId: a.site.id }, [{ keyword: "live", volume: 5 }]);
    expect((await db.keyword.findMany({ select: { keyword: true } })).map((k) => k.keyword)).toEqual(["live"]);
    expect(await db.keyword.count()).toBe(1);
    expect(await db.keyword.findUnique({ where: { id: rows[0].id } })).toBeNull();
    expect((await db.keyword.aggregate({ _count: { _all: true } }))._count._all).toBe(1);
    expect((await db.keyword.groupBy({ by: ["sectorId"], _count: { _all: true } }))[0]._count._all).toBe(1);
    expect((await db.keyword.updateMany({ where: { id: rows[0].id }, data: { volume: 9 } })).count).toBe(0);
    await expect(db.keyword.update({ where: { id: rows[0].id }, data: { volume: 9 } })).rejects.toMatchObject({ code: "P2025" });
    expect(await db.keyword.count({ where: { deletedAt: { not: null } } })).toBe(2);
    expect(await db.keyword.count({ where: { deletedAt: undefined } })).toBe(3);
  });

  it("lists by type and search, newest first, with who deleted and when it goes", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    await trashedKeywords(a, ["alpha", "beta"]);
    const article = await createArticle(a.site, a.sector, { title: "Alpha article" });
    await callApi(contentBulkDelete.POST, { method: "POST", token, body: { ids: [article.id] } });
    const all = await callApi(trashRoute.GET, { token, url: `/api/v1/trash/?site_id=${a.site.id}` });
    expect(all.body.data.count).toBe(3);
    expect(all.body.data.results[0]).toMatchObject({ item_type: "content", label: "Alpha article", note: "with 2 images", sector_name: a.sector.name });
    const search = await callApi(trashRoute.GET, { token, url: `/api/v1/trash/?site_id=${a.site.id}&search=alpha&type=keyword` });
    expect(search.body.data.results.map((r: { label: string }) => r.label)).toEqual(["alpha"]);
  });

  it("answers another account's trash with 404 and changes nothing", async () => {
    const { a, b } = await twoTenants();
    const tokenB = await tokenFor(b.owner.id);
    const { rows, entries } = await trashedKeywords(a, ["private"]);
    expect((await callApi(trashRoute.GET, { token: tokenB, url: `/api/v1/trash/?site_id=${a.site.id}` })).body.data.count).toBe(0);
    expect((await callApi(trashRoute.GET, { token: tokenB })).body.data.count).toBe(0);
    expect((await callApi(restoreRoute.POST, { method: "POST", token: tokenB, body: { ids: [entries[0].id] } })).status).toBe(404);
    expect((await callApi(purgeRoute.POST, { method: "POST", token: tokenB, body: { ids: [entries[0].id] } })).status).toBe(404);
    expect((await callApi(trashItem.DELETE, { method: "DELETE", token: tokenB, params: { id: String(entries[0].id) } })).status).toBe(404);
    // Mixed with one of b's own: all or nothing.
    const own = await trashedKeywords(b, ["mine"]);
    expect((await callApi(restoreRoute.POST, { method: "POST", token: tokenB, body: { ids: [own.entries[0].id, entries[0].id] } })).status).toBe(404);
    expect(await rootDb().keyword.findUniqueOrThrow({ where: { id: rows[0].id } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await rootDb().keyword.findUniqueOrThrow({ where: { id: own.rows[0].id } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await rootDb().trashEntry.count({ where: { id: { in: [entries[0].id, own.entries[0].id] } } })).toBe(2);
  });

  it("viewers only look; editors restore on their sites; only owners and admins delete forever", async () => {
    const { a } = await twoTenants();
    const otherSite = await createSite(a.account.id);
    const otherSector = await createSector(otherSite);
    const { entries } = await trashedKeywords(a, ["k1", "k2"]);
    const elsewhere = await trashedKeywords({ owner: a.owner, site: otherSite, sector: otherSector }, ["k3"]);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const admin = await tokenFor((await createUser(a.account.id, "admin")).id);

    expect((await callApi(trashRoute.GET, { token: viewer, url: `/api/v1/trash/?site_id=${a.site.id}` })).body.data.count).toBe(2);
    expect((await callApi(restoreRoute.POST, { method: "POST", token: viewer, body: { ids: [entries[0].id] } })).status).toBe(403);
    expect((await callApi(purgeRoute.POST, { method: "POST", token: editor, body: { ids: [entries[0].id] } })).status).toBe(403);
    expect((await callApi(trashItem.DELETE, { method: "DELETE", token: editor, params: { id: String(entries[0].id) } })).status).toBe(403);
    expect((await callApi(restoreRoute.POST, { method: "POST", token: editor, body: { ids: [elsewhere.entries[0].id] } })).status).toBe(404);
    expect(await rootDb().trashEntry.count({ where: { siteId: { in: [a.site.id, otherSite.id] } } })).toBe(3);

    expect((await callApi(restoreRoute.POST, { method: "POST", token: editor, body: { ids: [entries[0].id] } })).status).toBe(200);
    expect((await callApi(trashItem.DELETE, { method: "DELETE", token: admin, params: { id: String(entries[1].id) } })).status).toBe(200);
    expect(await rootDb().keyword.count({ where: { siteId: a.site.id } })).toBe(1);
  });

  it("answers bad input with 400 and field errors, changing nothing", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { entries } = await trashedKeywords(a, ["kept"]);
    const cases = [
      { ids: [] },
      { ids: ["x"] },
      { ids: [-1] },
      { ids: Array.from({ length: 1001 }, (_, i) => i + 1) },
      {},
    ];
    for (const body of cases) {
      for (const route of [restoreRoute.POST, purgeRoute.POST]) {
        const res = await callApi(route, { method: "POST", token, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(Object.keys(res.body.errors).some((field) => field.startsWith("ids")), JSON.stringify(res.body.errors)).toBe(true);
      }
    }
    expect((await callApi(restoreRoute.POST, { method: "POST", token, rawBody: "{not json" })).status).toBe(400);
    expect((await callApi(trashItem.DELETE, { method: "DELETE", token, params: { id: "abc" } })).status).toBe(400);
    const badType = await callApi(trashRoute.GET, { token, url: "/api/v1/trash/?type=planet" });
    expect(badType.status).toBe(400);
    expect(badType.body.errors).toHaveProperty("type");
    expect((await callApi(trashRoute.GET, { token, url: "/api/v1/trash/?page=0" })).status).toBe(400);
    expect(await rootDb().trashEntry.count({ where: { id: entries[0].id } })).toBe(1);
  });

  it("purges what was trashed 30 days ago (rows, entries and stored files), and nothing younger", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const old = await trashedKeywords(a, ["old"]);
    const young = await trashedKeywords(b, ["young"]);
    const article = await createArticle(a.site, a.sector);
    const images = await rootDb().image.findMany({ where: { contentId: article.id } });
    await callApi(contentBulkDelete.POST, { method: "POST", token, body: { ids: [article.id] } });
    const now = new Date();
    const deletedAt = new Date(now.getTime() - 30 * DAY);
    await rootDb().trashEntry.updateMany({ where: { siteId: a.site.id }, data: { deletedAt } });

    expect(await purgeExpiredTrash(new Date(deletedAt.getTime() + 30 * DAY - 60_000))).toBe(0); // a minute short of 30 days
    expect(await purgeExpiredTrash(now)).toBe(2);
    expect(await rootDb().keyword.count({ where: { id: old.rows[0].id } })).toBe(0);
    expect(await rootDb().content.count({ where: { id: article.id } })).toBe(0);
    expect(await rootDb().image.count({ where: { id: { in: images.map((i) => i.id) } } })).toBe(0);
    for (const image of images) await expect(readFile(image.storageKey!)).rejects.toThrow();
    expect(await rootDb().trashEntry.count({ where: { siteId: a.site.id } })).toBe(0);
    // b's keyword was trashed just now: it stays until its own 30 days are up.
    expect(await rootDb().keyword.count({ where: { id: young.rows[0].id } })).toBe(1);
    expect(await purgeExpiredTrash(new Date(now.getTime() + 30 * DAY + 60_000))).toBeGreaterThanOrEqual(1); // (other tests' trash in this database too)
    expect(await rootDb().keyword.count({ where: { id: young.rows[0].id } })).toBe(0);
  });
});
