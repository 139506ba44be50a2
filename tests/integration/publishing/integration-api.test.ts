// Integrations over REST (CRUD, masked credentials, test_connection, sync_health) and the
// WordPress bridge (site API key: handshake, structure, ready content, results, changes) with
// cross-tenant, role, bad-input, wrong/rotated/other-site key and rate-limit cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as integrations from "@/app/api/v1/integration/integrations/route";
import * as integration from "@/app/api/v1/integration/integrations/[id]/route";
import * as testConnection from "@/app/api/v1/integration/integrations/[id]/test_connection/route";
import * as sync from "@/app/api/v1/integration/integrations/[id]/sync/route";
import * as syncHealth from "@/app/api/v1/integration/integrations/[id]/sync_health/route";
import * as remoteItems from "@/app/api/v1/integration/integrations/[id]/remote_items/route";
import * as bridgeStatus from "@/app/api/v1/integration/bridge/status/route";
import * as bridgeStructure from "@/app/api/v1/integration/bridge/structure/route";
import * as bridgeContent from "@/app/api/v1/integration/bridge/content/route";
import * as bridgeResults from "@/app/api/v1/integration/bridge/results/route";
import * as bridgeChanges from "@/app/api/v1/integration/bridge/changes/route";
import { rootDb } from "@/lib/db/client";
import { BRIDGE_RATE_LIMIT } from "@/lib/integration/bridge";
import { rotateSiteApiKey } from "@/lib/sites/service";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, dbFor, twoTenants } from "@/tests/fixtures/factories";
import { createArticle } from "@/tests/fixtures/publishing";
import { startShopifyStub, type ShopifyStub } from "@/tests/fixtures/shopify-stub";

const wpBody = (siteId: number) => ({ platform: "wordpress", site_id: siteId, base_url: "http://127.0.0.1:65530/", username: "admin", app_password: "abcd efgh ijkl mnop qrst uvwx" });

async function siteKey(ownerId: number, siteId: number) {
  const { db, ctx } = await dbFor(ownerId);
  return (await rotateSiteApiKey(db, ctx, siteId)).apiKey;
}

describe("integrations REST", () => {
  let shop: ShopifyStub;
  beforeAll(async () => void (shop = await startShopifyStub()));
  afterAll(async () => shop.close());

  it("creates, lists, updates and deletes; credentials encrypted at rest and masked on the way out", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const created = await callApi(integrations.POST, { method: "POST", token, body: wpBody(a.site.id) });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ platform: "wordpress", platform_type: "cms", site_id: a.site.id, config: { base_url: "http://127.0.0.1:65530", username: "admin" }, credentials_masked: { app_password: "••••uvwx" }, has_credentials: true, sync_status: "never", is_active: true });
    expect(JSON.stringify(created.body)).not.toContain("abcd efgh");
    const stored = await rootDb().siteIntegration.findUniqueOrThrow({ where: { id: created.body.data.id } });
    expect(stored.credentials).toMatch(/^v1:/);
    expect(stored.credentials).not.toContain("abcd");
    const id = String(created.body.data.id);
    const list = await callApi(integrations.GET, { token, url: `/api/v1/integration/integrations/?site_id=${a.site.id}` });
    expect(list.body.data.count).toBe(1);
    const patched = await callApi(integration.PATCH, { method: "PATCH", token, params: { id }, body: { name: "Main blog", app_password: "" } });
    expect(patched.body.data).toMatchObject({ name: "Main blog", credentials_masked: { app_password: "••••uvwx" } });
    const wrongField = await callApi(integration.PATCH, { method: "PATCH", token, params: { id }, body: { access_token: "x" } });
    expect(wrongField.status).toBe(400);
    expect((await callApi(integration.DELETE, { method: "DELETE", token, params: { id } })).status).toBe(200);
    expect(await rootDb().siteIntegration.count({ where: { id: Number(id) } })).toBe(0);
  });

  it("test_connection reports each check (unreachable WordPress; Shopify stub ok and wrong token)", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const wp = await callApi(integrations.POST, { method: "POST", token, body: wpBody(a.site.id) });
    const down = await callApi(testConnection.POST, { method: "POST", token, params: { id: String(wp.body.data.id) } });
    expect(down.status).toBe(200);
    expect(down.body.data.ok).toBe(false);
    expect(down.body.data.checks[0]).toMatchObject({ name: "reachable", ok: false, detail: expect.stringMatching(/Could not connect|refused/) });
    expect(down.body.data.integration).toMatchObject({ last_test_ok: false });

    const shopify = await callApi(integrations.POST, { method: "POST", token, body: { platform: "shopify", site_id: a.site.id, shop_domain: shop.url, access_token: shop.token } });
    const ok = await callApi(testConnection.POST, { method: "POST", token, params: { id: String(shopify.body.data.id) } });
    expect(ok.body.data.ok).toBe(true);
    expect(ok.body.data.checks.map((c: { name: string }) => c.name)).toEqual(["reachable", "authentication", "create_posts", "upload_media"]);
    await callApi(integration.PATCH, { method: "PATCH", token, params: { id: String(shopify.body.data.id) }, body: { access_token: "shpat_wrong" } });
    const wrong = await callApi(testConnection.POST, { method: "POST", token, params: { id: String(shopify.body.data.id) } });
    expect(wrong.body.data.ok).toBe(false);
    expect(wrong.body.data.checks[1]).toMatchObject({ name: "authentication", ok: false, detail: expect.stringMatching(/refused the access token/) });
  });

  it("bad input → 400 with field errors", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const cases: [unknown, RegExp][] = [
      [{ platform: "ftp", site_id: a.site.id }, /platform/],
      [{ ...wpBody(a.site.id), base_url: "not a url" }, /base_url/],
      [{ ...wpBody(a.site.id), username: "" }, /username/],
      [{ ...wpBody(a.site.id), app_password: undefined }, /app_password/],
      [{ platform: "shopify", site_id: a.site.id, shop_domain: "x.myshopify.com" }, /access_token/],
      [{ ...wpBody(a.site.id), site_id: "abc" }, /site_id/],
    ];
    for (const [body, field] of cases) {
      const res = await callApi(integrations.POST, { method: "POST", token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors), JSON.stringify(body)).toMatch(field);
    }
    expect((await callApi(integration.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect(await rootDb().siteIntegration.count({ where: { siteId: a.site.id } })).toBe(0);
  });

  it("cross-tenant: another account's integrations and sites → 404, nothing changed", async () => {
    const { a, b } = await twoTenants();
    const tokenA = await tokenFor(a.owner.id);
    const tokenB = await tokenFor(b.owner.id);
    const created = await callApi(integrations.POST, { method: "POST", token: tokenA, body: wpBody(a.site.id) });
    const id = String(created.body.data.id);
    expect((await callApi(integrations.POST, { method: "POST", token: tokenB, body: wpBody(a.site.id) })).status).toBe(404);
    for (const [handler, method] of [[integration.GET, "GET"], [integration.PATCH, "PATCH"], [integration.DELETE, "DELETE"], [testConnection.POST, "POST"], [sync.POST, "POST"], [syncHealth.GET, "GET"], [remoteItems.GET, "GET"]] as const) {
      const res = await callApi(handler, { method, token: tokenB, params: { id }, ...(method === "PATCH" ? { body: { name: "hijack" } } : {}) });
      expect(res.status, method).toBe(404);
    }
    expect((await callApi(integrations.GET, { token: tokenB, url: `/api/v1/integration/integrations/?site_id=${a.site.id}` })).body.data.count).toBe(0);
    const row = await rootDb().siteIntegration.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(row).toMatchObject({ name: "", lastTestAt: null });
    expect(await rootDb().siteIntegration.count({ where: { siteId: a.site.id } })).toBe(1);
  });

  it("roles: only owners and admins manage integrations; editors read them on granted sites; viewers never write", async () => {
    const { a } = await twoTenants();
    const owner = await tokenFor(a.owner.id);
    const created = await callApi(integrations.POST, { method: "POST", token: owner, body: wpBody(a.site.id) });
    const id = String(created.body.data.id);
    const admin = await tokenFor((await createUser(a.account.id, "admin")).id);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const editorElsewhere = await tokenFor((await createUser(a.account.id, "editor", [])).id);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    for (const token of [editor, viewer]) {
      expect((await callApi(integrations.POST, { method: "POST", token, body: wpBody(a.site.id) })).status).toBe(403);
      expect((await callApi(integration.PATCH, { method: "PATCH", token, params: { id }, body: { name: "x" } })).status).toBe(403);
      expect((await callApi(integration.DELETE, { method: "DELETE", token, params: { id } })).status).toBe(403);
      expect((await callApi(testConnection.POST, { method: "POST", token, params: { id } })).status).toBe(403);
      expect((await callApi(sync.POST, { method: "POST", token, params: { id } })).status).toBe(403);
      expect((await callApi(integration.GET, { token, params: { id } })).status).toBe(200);
      expect((await callApi(syncHealth.GET, { token, params: { id } })).status).toBe(200);
    }
    expect((await callApi(integration.GET, { token: editorElsewhere, params: { id } })).status).toBe(404);
    expect((await callApi(integration.PATCH, { method: "PATCH", token: admin, params: { id }, body: { name: "By admin" } })).status).toBe(200);
    expect((await callApi(integrations.GET, {})).status).toBe(401);
  });

  it("sync_health answers counts and status; sync of a custom integration is refused", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const wp = await callApi(integrations.POST, { method: "POST", token, body: wpBody(a.site.id) });
    const health = await callApi(syncHealth.GET, { token, params: { id: String(wp.body.data.id) } });
    expect(health.body.data).toMatchObject({ integration_id: wp.body.data.id, platform: "wordpress", sync_status: "never", last_sync_at: null, counts: { posts: 0, pages: 0, articles: 0, categories: 0, tags: 0, post_types: 0 }, changed_remotely: 0, failed_records: 0 });
    const custom = await callApi(integrations.POST, { method: "POST", token, body: { platform: "custom", site_id: a.site.id, endpoint: "https://example.com/hook" } });
    expect((await callApi(sync.POST, { method: "POST", token, params: { id: String(custom.body.data.id) } })).status).toBe(400);
  });
});

describe("WordPress bridge (site API key)", () => {
  it("handshake, structure push, ready content, results and change notifications, confined to the key's site", async () => {
    const { a } = await twoTenants();
    const key = await siteKey(a.owner.id, a.site.id);
    const hello = await callApi(bridgeStatus.POST, { method: "POST", token: key, body: { site_url: "https://blog.example.test", wp_version: "6.1", plugin_version: "1.0.0" } });
    expect(hello.status).toBe(200);
    expect(hello.body.data).toMatchObject({ connected: true, site: { id: a.site.id, slug: a.site.slug }, content_ready: 0 });
    const bridge = await rootDb().siteIntegration.findUniqueOrThrow({ where: { id: hello.body.data.integration_id } });
    expect(bridge).toMatchObject({ siteId: a.site.id, platform: "wordpress", config: { mode: "bridge", baseUrl: "https://blog.example.test" } });
    expect(bridge.bridgeSeenAt).not.toBeNull();
    expect((await callApi(bridgeStatus.GET, { token: key })).body.data.integration_id).toBe(bridge.id); // one bridge integration

    const structure = await callApi(bridgeStructure.POST, { method: "POST", token: key, body: { post_types: [{ slug: "post", name: "Posts" }, { slug: "page", name: "Pages" }], taxonomies: [{ taxonomy: "category", terms: [{ id: 1, name: "Uncategorized", slug: "uncategorized", count: 3 }] }, { taxonomy: "post_tag", terms: [{ id: 7, name: "Soil", slug: "soil" }] }] } });
    expect(structure.body.data).toEqual({ post_types: 2, terms: 2 });
    expect(await rootDb().remoteItem.count({ where: { integrationId: bridge.id } })).toBe(4);

    const published = await createArticle(a.site, a.sector, { status: "published", tags: ["soil"] });
    await createArticle(a.site, a.sector, { status: "review" });
    const ready = await callApi(bridgeContent.GET, { token: key, url: "/api/v1/integration/bridge/content/?page=1" });
    expect(ready.body.data.count).toBe(1);
    expect(ready.body.data.results[0]).toMatchObject({ content_id: published.id, title: published.title, tags: ["soil"], status: "publish", featured_image: { url: expect.stringMatching(/^http.+\/media\//) } });
    expect(ready.body.data.results[0].html).toMatch(/src="http[^"]+\/media\//);

    const result = await callApi(bridgeResults.POST, { method: "POST", token: key, body: { content_id: published.id, post_id: 812, url: "https://blog.example.test/raised-beds/", modified_gmt: "2026-01-01T10:00:00Z" } });
    expect(result.status).toBe(200);
    const rec = await rootDb().publishingRecord.findUniqueOrThrow({ where: { contentId_destinationKey: { contentId: published.id, destinationKey: "bridge" } } });
    expect(rec).toMatchObject({ status: "published", remoteId: "812", remoteUrl: "https://blog.example.test/raised-beds/", destination: "bridge" });
    expect((await callApi(bridgeContent.GET, { token: key })).body.data.count).toBe(0); // reported: no longer ready

    const changes = await callApi(bridgeChanges.POST, { method: "POST", token: key, body: { posts: [{ post_id: 812, modified_gmt: "2026-01-02T10:00:00Z", title: "Edited in WP", status: "publish" }, { post_id: 900, type: "page", modified_gmt: "2026-01-02T10:00:00Z", title: "About" }] } });
    expect(changes.body.data).toEqual({ received: 2, changed: 1, deleted: 0 });
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: rec.id } })).remoteChangedAt).toEqual(new Date("2026-01-02T10:00:00Z"));
  });

  it("wrong, rotated, revoked and other-site keys → 401/404, nothing changed; bad input → 400", async () => {
    const { a, b } = await twoTenants();
    const keyA = await siteKey(a.owner.id, a.site.id);
    const keyB = await siteKey(b.owner.id, b.site.id);
    const contentA = await createArticle(a.site, a.sector, { status: "published" });
    expect((await callApi(bridgeStatus.GET, {})).status).toBe(401);
    expect((await callApi(bridgeStatus.GET, { token: "sck_000000000000_" + "x".repeat(43) })).status).toBe(401);
    expect((await callApi(bridgeStatus.GET, { token: keyA.slice(0, -1) + (keyA.endsWith("A") ? "B" : "A") })).status).toBe(401);
    // A user's API token is not a site key.
    expect((await callApi(bridgeStatus.GET, { token: await tokenFor(a.owner.id) })).status).toBe(401);
    // Another site's key cannot touch this site's content.
    const cross = await callApi(bridgeResults.POST, { method: "POST", token: keyB, body: { content_id: contentA.id, post_id: 5, url: "https://evil.example/x" } });
    expect(cross.status).toBe(404);
    expect((await callApi(bridgeContent.GET, { token: keyB })).body.data.count).toBe(0);
    // Rotation: the old key stops working at once.
    const rotated = await siteKey(a.owner.id, a.site.id);
    expect((await callApi(bridgeStatus.GET, { token: keyA })).status).toBe(401);
    expect((await callApi(bridgeResults.POST, { method: "POST", token: keyA, body: { content_id: contentA.id, post_id: 5, url: "https://x.example/y" } })).status).toBe(401);
    expect((await callApi(bridgeStatus.GET, { token: rotated })).status).toBe(200);
    // Inactive site.
    await rootDb().site.update({ where: { id: b.site.id }, data: { isActive: false } });
    expect((await callApi(bridgeStatus.GET, { token: keyB })).status).toBe(401);
    expect(await rootDb().publishingRecord.count({ where: { contentId: contentA.id } })).toBe(0);

    const bad: [unknown, RegExp][] = [
      [{ content_id: contentA.id, status: "published" }, /post_id/],
      [{ content_id: "x", post_id: 1, url: "https://x.example" }, /content_id/],
      [{ content_id: contentA.id, post_id: 1, url: "javascript:alert(1)" }, /url/],
    ];
    for (const [body, field] of bad) {
      const res = await callApi(bridgeResults.POST, { method: "POST", token: rotated, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors), JSON.stringify(body)).toMatch(field);
    }
    expect((await callApi(bridgeChanges.POST, { method: "POST", token: rotated, body: { posts: [] } })).status).toBe(400);
    expect((await callApi(bridgeChanges.POST, { method: "POST", token: rotated, body: { posts: [{ post_id: 1, modified_gmt: "yesterday" }] } })).status).toBe(400);
    expect(await rootDb().publishingRecord.count({ where: { contentId: contentA.id } })).toBe(0);
  });

  it("is rate-limited per site (429 with Retry-After)", async () => {
    const { a } = await twoTenants();
    const key = await siteKey(a.owner.id, a.site.id);
    let last = 200;
    for (let i = 0; i <= BRIDGE_RATE_LIMIT.limit; i++) last = (await callApi(bridgeContent.GET, { token: key })).status;
    const limited = await callApi(bridgeContent.GET, { token: key });
    expect(last === 429 || limited.status === 429).toBe(true);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  });
});
