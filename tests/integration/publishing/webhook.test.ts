// `custom` integrations as signed webhooks, against a real receiver on 127.0.0.1 that verifies
// every signature: the secret shown once and rotated; publish → one signed delivery with the
// bridge's article JSON; 500, 500, 200 → three attempts logged, published once; 4xx → failed at
// once with a readable error; unreachable → retried then failed; unpublish; the test event; the
// delivery log over REST; cross-tenant, role and bad-input cases.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as integrations from "@/app/api/v1/integration/integrations/route";
import * as integration from "@/app/api/v1/integration/integrations/[id]/route";
import * as deliveries from "@/app/api/v1/integration/integrations/[id]/deliveries/route";
import * as sendTest from "@/app/api/v1/integration/integrations/[id]/send_test_event/route";
import * as rotate from "@/app/api/v1/integration/integrations/[id]/rotate_signing_secret/route";
import * as testConnection from "@/app/api/v1/integration/integrations/[id]/test_connection/route";
import * as bridgeContent from "@/app/api/v1/integration/bridge/content/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import * as unpublish from "@/app/api/v1/publisher/unpublish/route";
import { rootDb } from "@/lib/db/client";
import { onContentPublished, type ContentPublished } from "@/lib/publishing/hooks";
import { rotateSiteApiKey } from "@/lib/sites/service";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, dbFor, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from "@/tests/fixtures/webhook-receiver";

type Tenant = Awaited<ReturnType<typeof twoTenants>>["a"];

async function addWebhook(tenant: Tenant, receiver: WebhookReceiver, endpoint = receiver.url) {
  const token = await tokenFor(tenant.owner.id);
  const res = await callApi(integrations.POST, { method: "POST", token, body: { platform: "custom", site_id: tenant.site.id, endpoint, api_key: "receiver-key-1234", name: "Headless CMS" } });
  expect(res.status).toBe(201);
  receiver.secret = res.body.data.signing_secret;
  return { token, id: String(res.body.data.id), created: res.body.data };
}

const deliveryRows = (integrationId: string) => rootDb().webhookDelivery.findMany({ where: { integrationId: Number(integrationId) }, orderBy: { id: "asc" } });

describe("custom integrations: signed webhooks", () => {
  let receiver: WebhookReceiver;
  const published: ContentPublished[] = [];
  let off: () => void;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    off = onContentPublished((event) => void published.push(event));
  });
  afterAll(async () => {
    off();
    await receiver.close();
  });

  it("the signing secret is shown once on create, stored encrypted, masked afterwards, and rotates", async () => {
    const { a } = await twoTenants();
    const { token, id, created } = await addWebhook(a, receiver);
    expect(created).toMatchObject({ platform: "custom", platform_type: "custom_api", config: { endpoint: receiver.url }, signing_secret: expect.stringMatching(/^whsec_[\w-]{40,}$/) });
    const secret = created.signing_secret as string;
    const stored = await rootDb().siteIntegration.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(stored.credentials).toMatch(/^v1:/);
    expect(stored.credentials).not.toContain(secret.slice(6, 20));
    const read = await callApi(integration.GET, { token, params: { id } });
    expect(read.body.data.credentials_masked).toEqual({ api_key: "••••1234", signing_secret: `••••${secret.slice(-4)}` });
    expect(JSON.stringify(read.body)).not.toContain(secret);
    const list = await callApi(integrations.GET, { token, url: `/api/v1/integration/integrations/?site_id=${a.site.id}` });
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const rotated = await callApi(rotate.POST, { method: "POST", token, params: { id } });
    expect(rotated.status).toBe(200);
    const next = rotated.body.data.signing_secret as string;
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    expect(rotated.body.data.integration.credentials_masked.signing_secret).toBe(`••••${next.slice(-4)}`);
    // A delivery is signed with the new secret: the old one no longer verifies.
    receiver.secret = next;
    const test = await callApi(sendTest.POST, { method: "POST", token, params: { id } });
    expect(test.body.data.ok).toBe(true);
    const last = receiver.received.at(-1)!;
    expect(last.signatureValid).toBe(true);
    expect(verifySignature(secret, last.headers, last.raw)).toBe(false);
  });

  it("publish → one signed POST with the bridge's article JSON; record published with the receiver's id and URL; delivery logged", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const { token, id } = await addWebhook(a, receiver);
    const content = await createArticle(a.site, a.sector, { categories: ["Gardening"], tags: ["soil"] });
    const before = receiver.received.length;
    const res = await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [`integration:${id}`] } });
    expect(res.status).toBe(202);
    await rt.idle();
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    const [delivery] = got;
    expect(delivery.signatureValid).toBe(true);
    expect(delivery.headers).toMatchObject({
      "x-content-studio-event": "content.published",
      "x-content-studio-delivery": expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      "x-content-studio-attempt": "1",
      authorization: "Bearer receiver-key-1234",
      "content-type": "application/json",
    });
    expect(delivery.body).toMatchObject({ id: delivery.headers["x-content-studio-delivery"], event: "content.published", attempt: 1, integration_id: Number(id), site_id: a.site.id, site_slug: a.site.slug });
    // The same JSON the WordPress bridge serves for this article (plus the publish's status).
    const siteKey = (await rotateSiteApiKey((await dbFor(a.owner.id)).db, (await dbFor(a.owner.id)).ctx, a.site.id)).apiKey;
    const bridge = await callApi(bridgeContent.GET, { token: siteKey, url: "/api/v1/integration/bridge/content/" });
    const served = bridge.body.data.results.find((r: { content_id: number }) => r.content_id === content.id);
    const data = delivery.body.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual([...Object.keys(served), "scheduled_at", "previous_remote_id"].sort());
    const { updated_at: _u, ...same } = served;
    expect(data).toMatchObject({ ...same, status: "publish", scheduled_at: null, categories: ["Gardening"], tags: ["soil"] });
    expect(data.html).toMatch(/src="http[^"]+\/media\//);

    const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
    expect(record).toMatchObject({ status: "published", destination: "custom", remoteId: `post-${content.id}`, remoteUrl: `https://receiver.example/posts/${content.slug}`, attempts: 1, error: null });
    expect(await rootDb().content.findUniqueOrThrow({ where: { id: content.id } })).toMatchObject({ status: "published" });
    const rows = await deliveryRows(id);
    expect(rows).toEqual([expect.objectContaining({ deliveryId: delivery.headers["x-content-studio-delivery"], event: "content.published", attempt: 1, ok: true, statusCode: 200, contentId: content.id, error: null, siteId: a.site.id, accountId: a.account.id })]);
    expect(rows[0].requestExcerpt).toBe(delivery.raw.slice(0, 2000));
    expect(rows[0].responseExcerpt).toContain(`post-${content.id}`);

    const log = await callApi(deliveries.GET, { token, params: { id }, url: `/api/v1/integration/integrations/${id}/deliveries/` });
    expect(log.status).toBe(200);
    expect(log.body.data).toMatchObject({ count: 1, results: [{ id: rows[0].id, event: "content.published", status_code: 200, attempt: 1, ok: true, duration_ms: expect.any(Number) }] });
    expect(log.body.data.results[0].account_id).toBeUndefined();

    // Unpublish: a signed content.unpublished event naming the receiver's id.
    const off = await callApi(unpublish.POST, { method: "POST", token, body: { content_id: content.id } });
    expect(off.body.data.results).toEqual([{ destination_key: `integration:${id}`, ok: true }]);
    const gone = receiver.received.at(-1)!;
    expect(gone.signatureValid).toBe(true);
    expect(gone.body).toMatchObject({ event: "content.unpublished", data: { content_id: content.id, remote_id: `post-${content.id}`, delete: false } });
    expect(await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } })).toMatchObject({ status: "unpublished" });
  });

  it("500, 500, 200 → three attempts with one delivery id, each logged; published once", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const { token, id } = await addWebhook(a, receiver);
    const content = await createArticle(a.site, a.sector, { images: false });
    const before = receiver.received.length;
    receiver.answerNext({ status: 500, body: "database down" }, { status: 500 });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [`integration:${id}`] } });
    await rt.idle();
    const got = receiver.received.slice(before);
    expect(got.map((d) => d.answeredStatus)).toEqual([500, 500, 200]);
    expect(got.every((d) => d.signatureValid)).toBe(true);
    expect(new Set(got.map((d) => d.headers["x-content-studio-delivery"])).size).toBe(1);
    expect(got.map((d) => d.headers["x-content-studio-attempt"])).toEqual(["1", "2", "3"]);
    const rows = await deliveryRows(id);
    expect(rows.map((r) => [r.attempt, r.ok, r.statusCode])).toEqual([[1, false, 500], [2, false, 500], [3, true, 200]]);
    expect(rows[0].error).toMatch(/^The webhook endpoint \(127\.0\.0\.1:\d+\) answered 500\.$/);
    expect(rows[0].responseExcerpt).toBe("database down");
    const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
    expect(record).toMatchObject({ status: "published", attempts: 3, error: null, remoteId: `post-${content.id}` });
    expect(published.filter((e) => e.contentId === content.id)).toHaveLength(1);
  });

  it("4xx → failed at once with the receiver's words, no retry; unreachable → retried, then failed with a sentence", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const { token, id } = await addWebhook(a, receiver);
    const content = await createArticle(a.site, a.sector, { images: false });
    const before = receiver.received.length;
    receiver.answerNext({ status: 422, body: { error: "slug already used" } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: [`integration:${id}`] } });
    await rt.idle();
    expect(receiver.received.length - before).toBe(1);
    const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
    expect(record.status).toBe("failed");
    expect(record.error).toMatch(/^The webhook endpoint \(127\.0\.0\.1:\d+\) refused the delivery \(422\): \{"error":"slug already used"\}$/);
    expect(record.attempts).toBe(1);
    expect((await deliveryRows(id)).map((r) => [r.attempt, r.ok, r.statusCode])).toEqual([[1, false, 422]]);
    expect(await rootDb().content.findUniqueOrThrow({ where: { id: content.id } })).toMatchObject({ status: "review" });

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await addWebhook(a, receiver, `http://127.0.0.1:${port}/unreachable`);
    const other = await createArticle(a.site, a.sector, { images: false });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: other.id, destinations: [`integration:${down.id}`] } });
    await rt.idle();
    const failed = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: other.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed.error).toMatch(/^Could not connect to the webhook endpoint \(127\.0\.0\.1:\d+\): ECONNREFUSED\.$/);
    expect((await deliveryRows(down.id)).map((r) => [r.attempt, r.ok, r.statusCode])).toEqual([[1, false, null], [2, false, null], [3, false, null]]);
  });

  it("send_test_event: a signed test event, its row in the log; a failing receiver is reported, not thrown; test_connection sends one too", async () => {
    const { a } = await twoTenants();
    const { token, id } = await addWebhook(a, receiver);
    const ok = await callApi(sendTest.POST, { method: "POST", token, params: { id } });
    expect(ok.status).toBe(200);
    expect(ok.body.message).toBe("The endpoint accepted the test event (200).");
    expect(ok.body.data).toMatchObject({ ok: true, delivery: { event: "test", ok: true, status_code: 200, attempt: 1, content_id: null } });
    const sent = receiver.received.at(-1)!;
    expect(sent.signatureValid).toBe(true);
    expect(sent.body).toMatchObject({ event: "test", id: ok.body.data.delivery.delivery_id, data: { message: expect.any(String) } });

    receiver.answerNext({ status: 503 });
    const bad = await callApi(sendTest.POST, { method: "POST", token, params: { id } });
    expect(bad.status).toBe(200);
    expect(bad.body.data).toMatchObject({ ok: false, delivery: { ok: false, status_code: 503 } });
    expect(bad.body.message).toMatch(/^The test event failed: The webhook endpoint .* answered 503/);
    const tested = await callApi(testConnection.POST, { method: "POST", token, params: { id } });
    expect(tested.body.data).toMatchObject({ ok: true, checks: [{ name: "reachable", ok: true }] });

    const log = await callApi(deliveries.GET, { token, params: { id }, url: `/api/v1/integration/integrations/${id}/deliveries/?event=test&page_size=2` });
    expect(log.body.data.count).toBe(3);
    expect(log.body.data.results.map((r: { status_code: number }) => r.status_code)).toEqual([200, 503]);
  });

  it("cross-tenant: another account cannot list deliveries, send a test event or rotate the secret (404), nothing sent or changed", async () => {
    const { a, b } = await twoTenants();
    const { id } = await addWebhook(a, receiver);
    const stored = await rootDb().siteIntegration.findUniqueOrThrow({ where: { id: Number(id) } });
    const tokenB = await tokenFor(b.owner.id);
    const before = receiver.received.length;
    expect((await callApi(deliveries.GET, { token: tokenB, params: { id } })).status).toBe(404);
    expect((await callApi(sendTest.POST, { method: "POST", token: tokenB, params: { id } })).status).toBe(404);
    expect((await callApi(rotate.POST, { method: "POST", token: tokenB, params: { id } })).status).toBe(404);
    expect(receiver.received.length).toBe(before);
    expect(await deliveryRows(id)).toEqual([]);
    expect((await rootDb().siteIntegration.findUniqueOrThrow({ where: { id: Number(id) } })).credentials).toBe(stored.credentials);
  });

  it("roles: editors and viewers with the site read the log but cannot send test events or rotate; others do not see it", async () => {
    const { a } = await twoTenants();
    const { id, token: owner } = await addWebhook(a, receiver);
    await callApi(sendTest.POST, { method: "POST", token: owner, params: { id } });
    const admin = await tokenFor((await createUser(a.account.id, "admin")).id);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const elsewhere = await tokenFor((await createUser(a.account.id, "editor", [])).id);
    for (const token of [editor, viewer]) {
      expect((await callApi(deliveries.GET, { token, params: { id } })).body.data.count).toBe(1);
      expect((await callApi(sendTest.POST, { method: "POST", token, params: { id } })).status).toBe(403);
      expect((await callApi(rotate.POST, { method: "POST", token, params: { id } })).status).toBe(403);
    }
    expect((await callApi(deliveries.GET, { token: elsewhere, params: { id } })).status).toBe(404);
    expect(await rootDb().webhookDelivery.count({ where: { integrationId: Number(id) } })).toBe(1);
    expect((await callApi(sendTest.POST, { method: "POST", token: admin, params: { id } })).body.data.ok).toBe(true);
  });

  it("bad input → 4xx, nothing sent or stored", async () => {
    const { a } = await twoTenants();
    const { id, token } = await addWebhook(a, receiver);
    const wordpress = await callApi(integrations.POST, { method: "POST", token, body: { platform: "wordpress", site_id: a.site.id, base_url: "http://127.0.0.1:65530/", username: "admin", app_password: "abcd efgh ijkl" } });
    expect(wordpress.body.data.signing_secret).toBeUndefined();
    const before = receiver.received.length;
    const cases: [Promise<{ status: number; body: { error?: string } }>, number][] = [
      [callApi(deliveries.GET, { token, params: { id }, url: `/api/v1/integration/integrations/${id}/deliveries/?event=content.deleted` }), 400],
      [callApi(deliveries.GET, { token, params: { id }, url: `/api/v1/integration/integrations/${id}/deliveries/?page_size=0` }), 400],
      [callApi(deliveries.GET, { token, params: { id: "abc" } }), 400],
      [callApi(sendTest.POST, { method: "POST", token, params: { id: "-1" } }), 400],
      [callApi(sendTest.POST, { method: "POST", token, params: { id: "999999999" } }), 404],
      [callApi(sendTest.POST, { method: "POST", token, params: { id: String(wordpress.body.data.id) } }), 400],
      [callApi(rotate.POST, { method: "POST", token, params: { id: String(wordpress.body.data.id) } }), 400],
      [callApi(integrations.POST, { method: "POST", token, body: { platform: "custom", site_id: a.site.id, endpoint: "ftp://example.com/hook" } }), 400],
      [callApi(integrations.POST, { method: "POST", token, body: { platform: "custom", site_id: a.site.id, endpoint: "https://example.com/hook", signing_secret: "mine" } }), 400],
    ];
    for (const [call, status] of cases) expect((await call).status).toBe(status);
    expect(receiver.received.length).toBe(before);
    expect(await deliveryRows(id)).toEqual([]);
    expect(await rootDb().siteIntegration.count({ where: { siteId: a.site.id } })).toBe(2);
  });
});
