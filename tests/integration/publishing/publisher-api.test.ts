// The publisher over REST: hosted and Shopify (local stub) destinations, records, scheduling,
// unpublish, deployments and the public site definition; cross-tenant, role and bad-input cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as records from "@/app/api/v1/publisher/publishing-records/route";
import * as record from "@/app/api/v1/publisher/publishing-records/[id]/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import * as unpublish from "@/app/api/v1/publisher/unpublish/route";
import * as deploy from "@/app/api/v1/publisher/deploy/route";
import * as deployments from "@/app/api/v1/publisher/deployments/route";
import * as readiness from "@/app/api/v1/publisher/check_readiness/route";
import * as definition from "@/app/api/v1/publisher/sites/[id]/definition/route";
import * as integrations from "@/app/api/v1/integration/integrations/route";
import { rootDb } from "@/lib/db/client";
import { onContentPublished, type ContentPublished } from "@/lib/publishing/hooks";
import { publishDueRecords } from "@/lib/publishing/scheduler";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";
import { startShopifyStub, type ShopifyStub } from "@/tests/fixtures/shopify-stub";

const runtime = () => fastRuntime();

describe("publisher REST", () => {
  let shop: ShopifyStub;
  const published: ContentPublished[] = [];
  let off: () => void;
  beforeAll(async () => {
    shop = await startShopifyStub();
    off = onContentPublished((event) => void published.push(event));
  });
  afterAll(async () => {
    off();
    await shop.close();
  });

  it("publishes to the hosted site: record published, snapshot stored, content published, hook emitted", async () => {
    const rt = runtime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const content = await createArticle(a.site, a.sector, { categories: ["Gardening"], tags: ["soil"] });
    const res = await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    expect(res.status).toBe(202);
    expect(res.body.data.task_id).toEqual(expect.any(String));
    expect(res.body.data.records).toEqual([expect.objectContaining({ destination: "hosted", destination_key: "hosted", status: "pending" })]);
    await rt.idle();
    const rec = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
    expect(rec).toMatchObject({ status: "published", remoteUrl: `/sites/${a.site.slug}/${content.slug}`, attempts: 1, error: null });
    const post = await rootDb().hostedPost.findUniqueOrThrow({ where: { contentId: content.id } });
    expect(post).toMatchObject({ slug: content.slug, title: content.title, categories: ["Gardening"], tags: ["soil"] });
    expect((post.featuredImage as { url: string }).url).toMatch(/^\/media\//);
    // The body image carries its stored size (the hosted page reserves its space and lists its variants).
    expect(post.html).toMatch(/<img src="\/media\/[^"]+" alt="in_article alt [^"]+" data-image-id="\d+" width="6" height="4">/);
    expect(await rootDb().content.findUniqueOrThrow({ where: { id: content.id } })).toMatchObject({ status: "published", externalIds: { hosted: String(post.id) } });
    expect(published.some((e) => e.contentId === content.id && e.destination === "hosted")).toBe(true);

    const list = await callApi(records.GET, { token, url: `/api/v1/publisher/publishing-records/?content_id=${content.id}` });
    expect(list.body.data).toMatchObject({ count: 1, results: [{ id: rec.id, status: "published", destination_label: "Hosted site" }] });
    const one = await callApi(record.GET, { token, params: { id: String(rec.id) } });
    expect(one.body.data).toMatchObject({ id: rec.id, content: { id: content.id } });
    expect(one.body.data.account_id).toBeUndefined();

    // Re-publish after an edit: the same snapshot is updated.
    await rootDb().content.update({ where: { id: content.id }, data: { title: "Edited title" } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    expect(await rootDb().hostedPost.count({ where: { contentId: content.id } })).toBe(1);
    expect((await rootDb().hostedPost.findUniqueOrThrow({ where: { contentId: content.id } })).title).toBe("Edited title");

    // Unpublish removes it from the hosted site.
    const off = await callApi(unpublish.POST, { method: "POST", token, body: { content_id: content.id } });
    expect(off.status).toBe(200);
    expect(off.body.data.results).toEqual([{ destination_key: "hosted", ok: true }]);
    expect(await rootDb().hostedPost.count({ where: { contentId: content.id } })).toBe(0);
    expect((await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } })).status).toBe("unpublished");
  });

  it("publishes to Shopify (stub) idempotently: re-publish updates the same article; featured image sent", async () => {
    const rt = runtime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const created = await callApi(integrations.POST, { method: "POST", token, body: { platform: "shopify", site_id: a.site.id, shop_domain: shop.url, access_token: shop.token } });
    expect(created.status).toBe(201);
    expect(created.body.data.credentials_masked).toEqual({ access_token: `••••${shop.token.slice(-4)}` });
    expect(JSON.stringify(created.body)).not.toContain(shop.token);
    const content = await createArticle(a.site, a.sector, { tags: ["beds"] });
    const key = `integration:${created.body.data.id}`;
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key, "hosted"] } });
    await rt.idle();
    const rec = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id, destinationKey: key } });
    expect(rec.status).toBe("published");
    const article = shop.articles.get(Number(rec.remoteId))!;
    expect(article).toMatchObject({ title: content.title, handle: content.slug, tags: "beds" });
    expect(article.image).not.toBeNull();
    expect(article.body_html).toContain(`<!-- scs:content-id=${content.id} -->`);
    expect(article.body_html).toMatch(/src="http[^"]+\/media\//); // in-article images made absolute

    await rootDb().content.update({ where: { id: content.id }, data: { title: "Shopify edit" } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    expect(shop.articles.size).toBe(1);
    expect(shop.articles.get(Number(rec.remoteId))!.title).toBe("Shopify edit");

    // Retry after a lost answer (no remote id known): found by handle + marker, no duplicate.
    await rootDb().publishingRecord.update({ where: { id: rec.id }, data: { remoteId: null, remoteModifiedAt: null } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    expect(shop.articles.size).toBe(1);
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: rec.id } })).remoteId).toBe(rec.remoteId);

    // Shopify down (5xx every time): retried, then failed with the error; a later retry works.
    shop.failNext(503, 20);
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    const failed = await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: rec.id } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/Shopify answered 503/);
    expect(failed.attempts).toBeGreaterThanOrEqual(rec.attempts + 4);
    shop.failNext(503, 0);
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("published");
    expect(shop.articles.size).toBe(1);

    // Wrong token: a clear, non-retried failure.
    await rootDb().siteIntegration.update({ where: { id: created.body.data.id }, data: { credentials: (await import("@/lib/crypto/secret-box")).encryptSecret(JSON.stringify({ accessToken: "wrong" })) } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [key] } });
    await rt.idle();
    const refused = await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: rec.id } });
    expect(refused).toMatchObject({ status: "failed", error: expect.stringMatching(/refused the access token/) });
  });

  it("schedules: records wait as scheduled, the scheduler publishes them when due", async () => {
    const rt = runtime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const content = await createArticle(a.site, a.sector);
    const when = new Date(Date.now() + 3_600_000);
    const res = await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"], scheduled_at: when.toISOString() } });
    expect(res.status).toBe(202);
    expect(res.body.data.task_id).toBeNull(); // the hosted site waits for the scheduler
    expect(res.body.data.records[0]).toMatchObject({ status: "scheduled", scheduled_at: when.toISOString() });
    expect(await publishDueRecords()).toBe(0);
    await rootDb().publishingRecord.updateMany({ where: { contentId: content.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    expect(await publishDueRecords()).toBe(1);
    expect(await publishDueRecords()).toBe(0); // claimed once
    await rt.idle();
    expect((await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } })).status).toBe("published");
    expect(await rootDb().hostedPost.count({ where: { contentId: content.id } })).toBe(1);
  });

  it("bad input: 400 with field errors, nothing recorded", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const content = await createArticle(a.site, a.sector);
    const draft = await createArticle(a.site, a.sector, { status: "draft" });
    const cases: [unknown, RegExp][] = [
      [{}, /content_id/],
      [{ content_id: "x" }, /content_id/],
      [{ content_id: content.id, destinations: ["ftp"] }, /destinations/],
      [{ content_id: content.id, destinations: [] }, /destinations/],
      [{ content_id: content.id, scheduled_at: "yesterday" }, /scheduled_at/],
      [{ content_id: content.id, scheduled_at: new Date(Date.now() - 60_000).toISOString() }, /scheduled_at/],
      [{ content_id: content.id, status: "future" }, /status/],
      [{ content_id: content.id, destinations: ["integration:999999"] }, /destinations/],
      [{ content_id: content.id, unknown: 1 }, /unknown|Unrecognized/i],
      [{ content_id: draft.id }, /status/],
    ];
    for (const [body, field] of cases) {
      const res = await callApi(publish.POST, { method: "POST", token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors ?? res.body.message), JSON.stringify(body)).toMatch(field);
    }
    const other = await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [`integration:${(await rootDb().siteIntegration.create({ data: { accountId: b.account.id, siteId: b.site.id, platform: "shopify", config: {} } })).id}`] } });
    expect(other.status).toBe(400); // another account's integration is not a destination here
    expect(await rootDb().publishingRecord.count({ where: { contentId: { in: [content.id, draft.id] } } })).toBe(0);
    expect((await callApi(publish.POST, { method: "POST", token, rawBody: "{nope" })).status).toBe(400);
  });

  it("cross-tenant: another account's content, records, sites → 404 and nothing changed", async () => {
    const rt = runtime();
    const { a, b } = await twoTenants();
    const tokenA = await tokenFor(a.owner.id);
    const tokenB = await tokenFor(b.owner.id);
    const content = await createArticle(a.site, a.sector);
    await callApi(publish.POST, { method: "POST", token: tokenA, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    const rec = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
    expect((await callApi(publish.POST, { method: "POST", token: tokenB, body: { content_id: content.id } })).status).toBe(404);
    expect((await callApi(unpublish.POST, { method: "POST", token: tokenB, body: { content_id: content.id } })).status).toBe(404);
    expect((await callApi(record.GET, { token: tokenB, params: { id: String(rec.id) } })).status).toBe(404);
    expect((await callApi(record.DELETE, { method: "DELETE", token: tokenB, params: { id: String(rec.id) } })).status).toBe(404);
    expect((await callApi(records.GET, { token: tokenB, url: `/api/v1/publisher/publishing-records/?content_id=${content.id}` })).body.data.count).toBe(0);
    expect((await callApi(deploy.POST, { method: "POST", token: tokenB, body: { site_id: a.site.id } })).status).toBe(404);
    expect((await callApi(readiness.GET, { token: tokenB, url: `/api/v1/publisher/check_readiness/?site_id=${a.site.id}` })).status).toBe(404);
    expect((await callApi(deployments.GET, { token: tokenB, url: `/api/v1/publisher/deployments/?site_id=${a.site.id}` })).body.data.count).toBe(0);
    expect(await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ status: "published", updatedAt: rec.updatedAt });
    expect(await rootDb().hostedPost.count({ where: { contentId: content.id } })).toBe(1);
    expect(await rootDb().deploymentRecord.count({ where: { siteId: a.site.id } })).toBe(0);
  });

  it("roles: viewers never publish; editors only on granted sites; unauthenticated → 401", async () => {
    const { a } = await twoTenants();
    const content = await createArticle(a.site, a.sector);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const editorGranted = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const editorOther = await tokenFor((await createUser(a.account.id, "editor", [])).id);
    expect((await callApi(publish.POST, { method: "POST", token: viewer, body: { content_id: content.id } })).status).toBe(403);
    expect((await callApi(unpublish.POST, { method: "POST", token: viewer, body: { content_id: content.id } })).status).toBe(403);
    expect((await callApi(deploy.POST, { method: "POST", token: viewer, body: { site_id: a.site.id } })).status).toBe(403);
    expect((await callApi(publish.POST, { method: "POST", token: editorOther, body: { content_id: content.id } })).status).toBe(404);
    expect((await callApi(publish.POST, { method: "POST", token: editorGranted, body: { content_id: content.id } })).status).toBe(202);
    expect((await callApi(publish.POST, { method: "POST", body: { content_id: content.id } })).status).toBe(401);
    expect((await callApi(records.GET, { token: viewer, url: `/api/v1/publisher/publishing-records/?content_id=${content.id}` })).body.data.count).toBe(1);
    await fastRuntime().idle();
  });

  it("deployments: readiness, deploy, and the public definition of active sites only", async () => {
    const rt = runtime();
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const notReady = await callApi(readiness.GET, { token, url: `/api/v1/publisher/check_readiness/?site_id=${a.site.id}` });
    expect(notReady.body.data).toMatchObject({ ready: false, posts: 0, pages: 0 });
    const failed = await callApi(deploy.POST, { method: "POST", token, body: { site_id: a.site.id } });
    expect(failed.status).toBe(201);
    expect(failed.body.data).toMatchObject({ status: "failed", version: 1, error: expect.stringMatching(/Nothing to show/) });
    const content = await createArticle(a.site, a.sector);
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    const ok = await callApi(deploy.POST, { method: "POST", token, body: { site_id: a.site.id } });
    expect(ok.body.data).toMatchObject({ status: "deployed", version: 2, posts: 1 });
    const list = await callApi(deployments.GET, { token, url: `/api/v1/publisher/deployments/?site_id=${a.site.id}` });
    expect(list.body.data.results.map((d: { version: number }) => d.version)).toEqual([2, 1]);

    const def = await callApi(definition.GET, { params: { id: String(a.site.id) } });
    expect(def.status).toBe(200);
    expect(def.body.data).toMatchObject({ site: { id: a.site.id, slug: a.site.slug }, posts: [{ slug: content.slug, path: `/sites/${a.site.slug}/${content.slug}` }], deployment: { version: 2 } });
    expect(JSON.stringify(def.body)).not.toMatch(/api_key|wp_app_password|account_id/);
    await rootDb().site.update({ where: { id: b.site.id }, data: { isActive: false } });
    expect((await callApi(definition.GET, { params: { id: String(b.site.id) } })).status).toBe(404);
    expect((await callApi(definition.GET, { params: { id: "999999999" } })).status).toBe(404);
    expect((await callApi(definition.GET, { params: { id: "abc" } })).status).toBe(400);
  });
});
