// PATCH of a publishing record (reschedule or cancel a scheduled publish) and a deployment's detail
// with what changed since the previous one; cross-tenant, role and bad-input cases.
import { describe, expect, it } from "vitest";
import * as record from "@/app/api/v1/publisher/publishing-records/[id]/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import * as deploy from "@/app/api/v1/publisher/deploy/route";
import * as deployment from "@/app/api/v1/publisher/deployments/[id]/route";
import { rootDb } from "@/lib/db/client";
import { publishDueRecords } from "@/lib/publishing/scheduler";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";

async function scheduledRecord(token: string, site: Parameters<typeof createArticle>[0], sector: { id: number }) {
  const content = await createArticle(site, sector);
  const when = new Date(Date.now() + 3_600_000);
  const res = await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"], scheduled_at: when.toISOString() } });
  expect(res.status).toBe(202);
  return { content, id: res.body.data.records[0].id as number, when };
}

describe("PATCH /publisher/publishing-records/{id}/", () => {
  it("reschedules a scheduled record, then cancels it: the scheduler no longer publishes it", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, content } = await scheduledRecord(token, a.site, a.sector);
    const later = new Date(Date.now() + 7_200_000);
    const moved = await callApi(record.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { scheduled_at: later.toISOString() } });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ id, status: "scheduled", scheduled_at: later.toISOString() });
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).scheduledAt).toEqual(later);

    const cancelled = await callApi(record.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { status: "cancelled" } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ id, status: "cancelled", scheduled_at: null });
    expect(await publishDueRecords()).toBe(0);
    expect(await rootDb().hostedPost.count({ where: { contentId: content.id } })).toBe(0);

    // A cancelled (or published) record is not scheduled any more: a clear 409, nothing changed.
    const again = await callApi(record.PATCH, { method: "PATCH", token, params: { id: String(id) }, body: { scheduled_at: later.toISOString() } });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/Only a scheduled publish/);
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).status).toBe("cancelled");
  });

  it("refuses a published record and bad input with a 4xx, nothing changed", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, when } = await scheduledRecord(token, a.site, a.sector);
    const cases: [unknown, RegExp][] = [
      [{}, /scheduled_at/],
      [{ scheduled_at: "tomorrow" }, /scheduled_at/],
      [{ scheduled_at: new Date(Date.now() - 60_000).toISOString() }, /scheduled_at/],
      [{ status: "published" }, /status/],
      [{ status: "cancelled", scheduled_at: new Date(Date.now() + 7_200_000).toISOString() }, /scheduled_at/],
      [{ remote_url: "https://evil.example" }, /remote_url|Unrecognized/i],
      [{ status: "cancelled", error: "x" }, /error|Unrecognized/i],
    ];
    for (const [body, field] of cases) {
      const res = await callApi(record.PATCH, { method: "PATCH", token, params: { id: String(id) }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors ?? res.body.message), JSON.stringify(body)).toMatch(field);
    }
    expect((await callApi(record.PATCH, { method: "PATCH", token, params: { id: String(id) }, rawBody: "{nope" })).status).toBe(400);
    expect((await callApi(record.PATCH, { method: "PATCH", token, params: { id: "abc" }, body: { status: "cancelled" } })).status).toBe(400);
    expect((await callApi(record.PATCH, { method: "PATCH", token, params: { id: "999999999" }, body: { status: "cancelled" } })).status).toBe(404);
    expect(await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "scheduled", scheduledAt: when });

    const content = await createArticle(a.site, a.sector);
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    const live = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
    expect(live.status).toBe("published");
    expect((await callApi(record.PATCH, { method: "PATCH", token, params: { id: String(live.id) }, body: { status: "cancelled" } })).status).toBe(409);
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("published");
  });

  it("cross-tenant → 404 and roles: viewers 403, editors of other sites 404, nothing changed", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const { id, when } = await scheduledRecord(token, a.site, a.sector);
    const body = { status: "cancelled" };
    expect((await callApi(record.PATCH, { method: "PATCH", token: await tokenFor(b.owner.id), params: { id: String(id) }, body })).status).toBe(404);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callApi(record.PATCH, { method: "PATCH", token: viewer, params: { id: String(id) }, body })).status).toBe(403);
    const editorOther = await tokenFor((await createUser(a.account.id, "editor", [])).id);
    expect((await callApi(record.PATCH, { method: "PATCH", token: editorOther, params: { id: String(id) }, body })).status).toBe(404);
    expect((await callApi(record.PATCH, { method: "PATCH", params: { id: String(id) }, body })).status).toBe(401);
    expect(await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "scheduled", scheduledAt: when });
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    expect((await callApi(record.PATCH, { method: "PATCH", token: editor, params: { id: String(id) }, body })).status).toBe(200);
  });
});

describe("GET /publisher/deployments/{id}/", () => {
  it("answers what changed since the previous deployment; another account's id → 404", async () => {
    const rt = fastRuntime();
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const first = await callApi(deploy.POST, { method: "POST", token, body: { site_id: a.site.id } });
    expect(first.body.data.status).toBe("failed");
    const content = await createArticle(a.site, a.sector, { title: "Raised beds" });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: content.id, destinations: ["hosted"] } });
    await rt.idle();
    const second = await callApi(deploy.POST, { method: "POST", token, body: { site_id: a.site.id } });
    expect(second.body.data.status).toBe("deployed");

    const one = await callApi(deployment.GET, { token, params: { id: String(second.body.data.id) } });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: second.body.data.id, version: 2, status: "deployed" });
    expect(one.body.data.account_id).toBeUndefined();
    expect(one.body.data.changes).toMatchObject({
      previous_version: 1,
      posts: { before: 0, after: 1 },
      pages: { before: 0, after: 0 },
      checks: [expect.objectContaining({ name: "content", before: false, after: true })],
      posts_updated: [expect.objectContaining({ title: "Raised beds", slug: content.slug })],
      pages_updated: [],
    });
    const firstDetail = await callApi(deployment.GET, { token, params: { id: String(first.body.data.id) } });
    expect(firstDetail.body.data.changes).toMatchObject({ previous_version: null, posts: { before: 0, after: 0 }, posts_updated: [] });

    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callApi(deployment.GET, { token: viewer, params: { id: String(second.body.data.id) } })).status).toBe(200);
    expect((await callApi(deployment.GET, { token: await tokenFor(b.owner.id), params: { id: String(second.body.data.id) } })).status).toBe(404);
    expect((await callApi(deployment.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect((await callApi(deployment.GET, { token, params: { id: "999999999" } })).status).toBe(404);
    expect((await callApi(deployment.GET, { params: { id: String(second.body.data.id) } })).status).toBe(401);
  });
});
