// Resource tracking: a developer's `X-Resource-Tracking: on` request answers an
// X-Resource-Tracking-ID whose metrics (time, queries, query time, memory) are read back at
// /api/v1/admin/metrics/requests/{tracking_id}/; nothing is measured or stored otherwise.
import { describe, expect, it } from "vitest";
import * as tracked from "@/app/api/v1/admin/metrics/requests/[tracking_id]/route";
import * as keywords from "@/app/api/v1/planner/keywords/route";
import * as accounts from "@/app/api/v1/admin/accounts/route";
import { rootDb } from "@/lib/db/client";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createDeveloper, twoTenants } from "@/tests/fixtures/factories";

const ON = { "x-resource-tracking": "on" };

describe("resource tracking", () => {
  it("a developer's tracked request answers a tracking id; its metrics count the queries it made", async () => {
    const dev = await createDeveloper();
    const token = await tokenFor(dev.id);
    const res = await callApi(accounts.GET, { token, url: "/api/v1/admin/accounts/", headers: ON });
    expect(res.status).toBe(200);
    const id = res.headers.get("x-resource-tracking-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const metrics = await callApi(tracked.GET, { token, params: { tracking_id: id! } });
    expect(metrics.status).toBe(200);
    expect(metrics.body.data).toMatchObject({ tracking_id: id, user_id: dev.id, method: "GET", path: "/api/v1/admin/accounts/", status: 200, request_id: res.headers.get("x-request-id") });
    const m = metrics.body.data;
    expect(m.queries).toBeGreaterThanOrEqual(3); // context, throttle, the list and its count
    expect(m.query_ms).toBeGreaterThan(0);
    expect(m.duration_ms).toBeGreaterThanOrEqual(m.query_ms);
    expect(m.heap_used_mb).toBeGreaterThan(0);
    expect(m.rss_mb).toBeGreaterThan(0);
    // Reading the metrics is not itself tracked unless asked.
    expect(metrics.headers.get("x-resource-tracking-id")).toBeNull();
  });

  it("off by default and for everyone but developers: no header, nothing stored", async () => {
    const { a } = await twoTenants();
    const dev = await tokenFor((await createDeveloper()).id);
    const before = await rootDb().resourceTracking.count();
    const plain = await callApi(accounts.GET, { token: dev, url: "/api/v1/admin/accounts/" });
    expect(plain.headers.get("x-resource-tracking-id")).toBeNull();
    const owner = await callApi(keywords.GET, { token: await tokenFor(a.owner.id), url: `/api/v1/planner/keywords/?site_id=${a.site.id}`, headers: ON });
    expect(owner.status).toBe(200);
    expect(owner.headers.get("x-resource-tracking-id")).toBeNull();
    const off = await callApi(accounts.GET, { token: dev, url: "/api/v1/admin/accounts/", headers: { "x-resource-tracking": "off" } });
    expect(off.headers.get("x-resource-tracking-id")).toBeNull();
    expect(await rootDb().resourceTracking.count()).toBe(before);
  });

  it("only the developer who tracked a request reads it; others 403/404; bad ids 400", async () => {
    const { a } = await twoTenants();
    const mine = await tokenFor((await createDeveloper()).id);
    const other = await tokenFor((await createDeveloper()).id);
    const id = (await callApi(accounts.GET, { token: mine, url: "/api/v1/admin/accounts/", headers: ON })).headers.get("x-resource-tracking-id")!;
    expect((await callApi(tracked.GET, { token: other, params: { tracking_id: id } })).status).toBe(404);
    expect((await callApi(tracked.GET, { token: await tokenFor(a.owner.id), params: { tracking_id: id } })).status).toBe(403);
    expect((await callApi(tracked.GET, { params: { tracking_id: id } })).status).toBe(401);
    expect((await callApi(tracked.GET, { token: mine, params: { tracking_id: "not-a-uuid" } })).status).toBe(400);
    expect((await callApi(tracked.GET, { token: mine, params: { tracking_id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect((await callApi(tracked.GET, { token: mine, params: { tracking_id: id.toUpperCase() } })).status).toBe(200);
  });
});
