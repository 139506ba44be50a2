// Two-way sync with Shopify over REST, against the stateful Shopify stub: every article of the blog
// pulled (more than one 250-article page), linked to the content published as it, articles deleted
// in Shopify swept; an edit made in Shopify detected and never silently overwritten (the re-publish
// stops until "overwrite"); sync health; cross-tenant, role and bad-input cases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as integrations from "@/app/api/v1/integration/integrations/route";
import * as integration from "@/app/api/v1/integration/integrations/[id]/route";
import * as sync from "@/app/api/v1/integration/integrations/[id]/sync/route";
import * as syncHealth from "@/app/api/v1/integration/integrations/[id]/sync_health/route";
import * as remoteItems from "@/app/api/v1/integration/integrations/[id]/remote_items/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import { rootDb } from "@/lib/db/client";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";
import { startShopifyStub, type ShopifyStub } from "@/tests/fixtures/shopify-stub";

type Item = { remote_id: string; title: string; status: string; content_id: number | null; changed_remotely: boolean; modified_at: string };

describe("two-way sync with Shopify", () => {
  let shop: ShopifyStub;
  beforeEach(async () => void (shop = await startShopifyStub()));
  afterEach(async () => shop.close());

  async function connect(token: string, siteId: number) {
    const created = await callApi(integrations.POST, { method: "POST", token, body: { platform: "shopify", site_id: siteId, shop_domain: shop.url, access_token: shop.token } });
    expect(created.status).toBe(201);
    const id = created.body.data.id as number;
    return { id, params: { id: String(id) }, key: `integration:${id}` };
  }

  async function allItems(token: string, id: number): Promise<Item[]> {
    const items: Item[] = [];
    for (let page = 1; ; page++) {
      const res = await callApi(remoteItems.GET, { token, params: { id: String(id) }, url: `/api/v1/integration/integrations/${id}/remote_items/?kind=article&page=${page}&page_size=100` });
      expect(res.status).toBe(200);
      items.push(...res.body.data.results);
      if (items.length >= res.body.data.count) return items;
    }
  }

  it("pulls every article (paginated 250 a page), links ours to its content, sweeps deletions, follows edits", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, params, key } = await connect(token, a.site.id);
    // 300 articles written in Shopify before the app connected, one of them hidden (a draft).
    for (let n = 1; n <= 300; n++) shop.addArticle({ title: `Shop article ${n}`, published: n !== 7 });
    const content = await createArticle(a.site, a.sector, { title: "Written in the app", images: false });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id, destinationKey: key } });
    expect(record.status).toBe("published");

    shop.requests.length = 0;
    const started = await callApi(sync.POST, { method: "POST", token, params });
    expect(started.status).toBe(202);
    await rt.idle();
    expect(await rootDb().run.findUniqueOrThrow({ where: { id: started.body.data.task_id } })).toMatchObject({ status: "succeeded", kind: "sync_integration", message: "Synced: 301 articles." });
    const lists = shop.requests.filter((r) => r.method === "GET" && /\/articles\.json/.test(r.path));
    expect(lists).toHaveLength(2); // 250 + 51
    expect(lists.every((r) => r.path.includes("limit=250"))).toBe(true);
    expect(lists[1].path).toContain("page_info=");

    const health = await callApi(syncHealth.GET, { token, params });
    expect(health.status).toBe(200);
    expect(health.body.data).toMatchObject({ integration_id: id, platform: "shopify", sync_status: "success", healthy: true, counts: { articles: 301, posts: 0, pages: 0 }, changed_remotely: 0, failed_records: 0, last_stats: { articles: 301, linked: 1, changed: 0, summary: "301 articles", truncated: [] } });
    expect(health.body.data.last_sync_at).not.toBeNull();

    const items = await allItems(token, id);
    expect(items).toHaveLength(301);
    expect(new Set(items.map((i) => i.remote_id)).size).toBe(301);
    const ours = items.find((i) => i.remote_id === record.remoteId)!;
    expect(ours).toMatchObject({ title: "Written in the app", content_id: content.id, changed_remotely: false, status: "publish" });
    expect(items.filter((i) => i.content_id !== null)).toHaveLength(1);
    expect(items.find((i) => i.title === "Shop article 7")!.status).toBe("draft");
    const stored = await rootDb().remoteItem.findFirstOrThrow({ where: { integrationId: id, remoteId: record.remoteId! } });
    expect(stored.modifiedAt!.getTime()).toBe(record.remoteModifiedAt!.getTime());

    // Changes in Shopify: one article deleted, one added, one retitled → the next sync follows them.
    const [first, second] = [...shop.articles.values()].filter((x) => x.title.startsWith("Shop article"));
    shop.deleteArticle(first.id);
    shop.advanceClock(10_000);
    shop.editArticle(second.id, { title: "Retitled in Shopify" });
    const added = shop.addArticle({ title: "Added in Shopify" });
    await callApi(sync.POST, { method: "POST", token, params });
    await rt.idle();
    const after = await allItems(token, id);
    expect(after).toHaveLength(301);
    expect(after.some((i) => i.remote_id === String(first.id))).toBe(false);
    expect(after.find((i) => i.remote_id === String(second.id))).toMatchObject({ title: "Retitled in Shopify", content_id: null, changed_remotely: false });
    expect(after.some((i) => i.remote_id === String(added.id))).toBe(true);
    expect((await callApi(syncHealth.GET, { token, params })).body.data.changed_remotely).toBe(0); // not our articles
  }, 120_000);

  it("an edit made in Shopify after our publish is detected; the re-publish refuses without overwrite, replaces it with", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { params, key } = await connect(token, a.site.id);
    const content = await createArticle(a.site, a.sector, { title: "Soil guide", images: false });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id, destinationKey: key } });
    const remoteId = Number(record.remoteId);
    // The publish left Shopify's own updated_at (whole seconds, shop offset) on the record.
    expect(record.remoteModifiedAt!.getTime()).toBe(Date.parse(shop.articles.get(remoteId)!.updated_at));

    // Re-publishing with no edit in Shopify needs no overwrite.
    await rootDb().content.update({ where: { id: content.id }, data: { title: "Soil guide (v2)" } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    expect(shop.articles.get(remoteId)!.title).toBe("Soil guide (v2)");

    // Someone edits the article in Shopify a minute later.
    shop.advanceClock(60_000);
    shop.editArticle(remoteId, { title: "Fixed by the shop owner" });
    const synced = await callApi(sync.POST, { method: "POST", token, params });
    await rt.idle();
    expect((await rootDb().run.findUniqueOrThrow({ where: { id: synced.body.data.task_id } })).message).toBe("Synced: 1 article; 1 edited in Shopify since the last publish.");
    expect((await callApi(syncHealth.GET, { token, params })).body.data).toMatchObject({ changed_remotely: 1, last_stats: { changed: 1 } });
    const flagged = await callApi(remoteItems.GET, { token, params, url: `/api/v1/integration/integrations/${params.id}/remote_items/?kind=article` });
    expect(flagged.body.data.results).toEqual([expect.objectContaining({ remote_id: String(remoteId), title: "Fixed by the shop owner", changed_remotely: true, content_id: content.id })]);
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: record.id } })).remoteChangedAt).not.toBeNull();

    // The app's next publish stops and says so; Shopify keeps the owner's edit.
    await rootDb().content.update({ where: { id: content.id }, data: { title: "Soil guide (v3)" } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    expect(await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/edited on .* after the last publish.*overwrite/) });
    expect(shop.articles.get(remoteId)!.title).toBe("Fixed by the shop owner");

    // A bad overwrite flag is refused before anything runs.
    const bad = await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key], overwrite: "yes" } });
    expect(bad.status).toBe(400);
    expect(shop.articles.get(remoteId)!.title).toBe("Fixed by the shop owner");

    // With overwrite: replaced, the flag cleared, the next sync sees nothing changed.
    expect((await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key], overwrite: true } })).status).toBe(202);
    await rt.idle();
    expect(await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: "published", remoteChangedAt: null, error: null });
    expect(shop.articles.get(remoteId)!.title).toBe("Soil guide (v3)");
    expect(shop.articles.size).toBe(1);
    await callApi(sync.POST, { method: "POST", token, params });
    await rt.idle();
    expect((await callApi(syncHealth.GET, { token, params })).body.data.changed_remotely).toBe(0);
  });

  it("an article deleted in Shopify leaves the inventory; the next publish recreates it with a warning", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, params, key } = await connect(token, a.site.id);
    const content = await createArticle(a.site, a.sector, { title: "Short-lived", images: false });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    await callApi(sync.POST, { method: "POST", token, params });
    await rt.idle();
    const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id, destinationKey: key } });
    expect((await allItems(token, id)).map((i) => i.remote_id)).toEqual([record.remoteId]);

    shop.deleteArticle(Number(record.remoteId));
    await callApi(sync.POST, { method: "POST", token, params });
    await rt.idle();
    expect(await allItems(token, id)).toEqual([]);
    expect((await callApi(syncHealth.GET, { token, params })).body.data).toMatchObject({ counts: { articles: 0 }, changed_remotely: 0, sync_status: "success" });

    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    const republished = await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(republished.status).toBe("published");
    expect(republished.remoteId).not.toBe(record.remoteId);
    expect(republished.warnings).toEqual([expect.stringMatching(/no longer exists; a new one was created/)]);
    expect([...shop.articles.keys()]).toEqual([Number(republished.remoteId)]);
  });

  it("a WordPress bridge record of the same site with a colliding remote id is not compared with Shopify articles", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, params } = await connect(token, a.site.id);
    const outside = shop.addArticle({ title: "Same id as a WordPress post" });
    const content = await createArticle(a.site, a.sector, { title: "Via the bridge", images: false });
    const bridge = await rootDb().publishingRecord.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, contentId: content.id, destination: "bridge", destinationKey: "bridge", status: "published", remoteId: String(outside.id), remoteModifiedAt: new Date("2020-01-01T00:00:00Z") } });
    await callApi(sync.POST, { method: "POST", token, params });
    await rt.idle();
    expect((await callApi(syncHealth.GET, { token, params })).body.data).toMatchObject({ sync_status: "success", counts: { articles: 1 }, changed_remotely: 0 });
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: bridge.id } })).remoteChangedAt).toBeNull();
    expect((await rootDb().remoteItem.findFirstOrThrow({ where: { integrationId: id, remoteId: String(outside.id) } })).contentId).toBeNull();
  });

  it("sync health reports a failed sync (token revoked in Shopify) and the sync error", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { params } = await connect(token, a.site.id);
    await callApi(integration.PATCH, { method: "PATCH", token, params, body: { access_token: "shpat_revoked" } });
    const started = await callApi(sync.POST, { method: "POST", token, params });
    expect(started.status).toBe(202);
    await rt.idle();
    expect((await rootDb().run.findUniqueOrThrow({ where: { id: started.body.data.task_id } })).status).toBe("failed");
    const health = await callApi(syncHealth.GET, { token, params });
    expect(health.body.data).toMatchObject({ sync_status: "failed", healthy: false, sync_error: expect.stringMatching(/refused the access token/) });
  });

  it("cross-tenant: another account cannot sync this integration or read its health and remote items", async () => {
    const rt = fastRuntime();
    const { a, b } = await twoTenants();
    const tokenA = await tokenFor(a.owner.id);
    const tokenB = await tokenFor(b.owner.id);
    const { id, params } = await connect(tokenA, a.site.id);
    shop.addArticle({ title: "Private to A" });
    await callApi(sync.POST, { method: "POST", token: tokenA, params });
    await rt.idle();
    const before = await rootDb().siteIntegration.findUniqueOrThrow({ where: { id } });
    shop.requests.length = 0;
    expect((await callApi(sync.POST, { method: "POST", token: tokenB, params })).status).toBe(404);
    expect((await callApi(syncHealth.GET, { token: tokenB, params })).status).toBe(404);
    const items = await callApi(remoteItems.GET, { token: tokenB, params, url: `/api/v1/integration/integrations/${id}/remote_items/?kind=article` });
    expect(items.status).toBe(404);
    expect(JSON.stringify(items.body)).not.toContain("Private to A");
    await rt.idle();
    expect(shop.requests).toEqual([]);
    expect(await rootDb().run.count({ where: { accountId: b.account.id, kind: "sync_integration" } })).toBe(0);
    expect(await rootDb().siteIntegration.findUniqueOrThrow({ where: { id } })).toMatchObject({ syncStatus: before.syncStatus, lastSyncAt: before.lastSyncAt });
    expect(await rootDb().remoteItem.count({ where: { integrationId: id } })).toBe(1);
  });

  it("roles: only owners and admins start a sync; editors and viewers of the site read health and items", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const { id, params } = await connect(await tokenFor(a.owner.id), a.site.id);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const editorElsewhere = await tokenFor((await createUser(a.account.id, "editor", [])).id);
    const admin = await tokenFor((await createUser(a.account.id, "admin")).id);
    for (const token of [editor, viewer]) {
      expect((await callApi(sync.POST, { method: "POST", token, params })).status).toBe(403);
      expect((await callApi(syncHealth.GET, { token, params })).status).toBe(200);
      expect((await callApi(remoteItems.GET, { token, params })).status).toBe(200);
    }
    expect((await callApi(syncHealth.GET, { token: editorElsewhere, params })).status).toBe(404);
    expect(await rootDb().run.count({ where: { accountId: a.account.id, kind: "sync_integration" } })).toBe(0);
    expect((await rootDb().siteIntegration.findUniqueOrThrow({ where: { id } })).syncStatus).toBe("never");
    expect((await callApi(sync.POST, { method: "POST", token: admin, params })).status).toBe(202);
    await rt.idle();
    expect((await rootDb().siteIntegration.findUniqueOrThrow({ where: { id } })).syncStatus).toBe("success");
  });

  it("bad input: bad ids, bad queries, an integration that cannot sync → 4xx, nothing started", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, params } = await connect(token, a.site.id);
    for (const bad of ["abc", "0", "-1", "1.5", "99999999999999", "%00"]) {
      for (const [handler, method] of [[sync.POST, "POST"], [syncHealth.GET, "GET"], [remoteItems.GET, "GET"]] as const) {
        const res = await callApi(handler, { method, token, params: { id: bad } });
        expect(res.status, `${method} ${bad}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${bad}`).toBeLessThan(500);
      }
    }
    for (const query of ["kind=product", "page=0", "page_size=100000", "page=abc"]) {
      const res = await callApi(remoteItems.GET, { token, params, url: `/api/v1/integration/integrations/${id}/remote_items/?${query}` });
      expect(res.status, query).toBe(400);
    }
    const custom = await callApi(integrations.POST, { method: "POST", token, body: { platform: "custom", site_id: a.site.id, endpoint: "https://example.com/hook" } });
    const refused = await callApi(sync.POST, { method: "POST", token, params: { id: String(custom.body.data.id) } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/Custom integrations cannot be synced/);
    await callApi(integration.PATCH, { method: "PATCH", token, params, body: { is_active: false } });
    const off = await callApi(sync.POST, { method: "POST", token, params });
    expect(off.status).toBe(400);
    expect(JSON.stringify(off.body)).toMatch(/turned off/);
    expect(await rootDb().run.count({ where: { accountId: a.account.id, kind: "sync_integration" } })).toBe(0);
    expect(shop.requests).toEqual([]);
  });
});
