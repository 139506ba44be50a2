import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as accounts from "@/app/api/v1/admin/accounts/route";
import * as setStatus from "@/app/api/v1/admin/accounts/[id]/set_status/route";
import * as assignPlan from "@/app/api/v1/admin/accounts/[id]/assign_plan/route";
import * as plans from "@/app/api/v1/admin/plans/route";
import * as plan from "@/app/api/v1/admin/plans/[id]/route";
import * as users from "@/app/api/v1/admin/users/route";
import * as status from "@/app/api/v1/admin/status/route";
import * as metrics from "@/app/api/v1/admin/metrics/route";
import * as me from "@/app/api/v1/auth/me/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createDeveloper, createUser, twoTenants } from "@/tests/fixtures/factories";

const newPlan = { name: "Agency", slug: "agency", price: 499, max_users: 100, max_sites: 200, max_sectors_per_site: 5, max_keywords: 5_000_000, max_clusters: 100_000, max_content_ideas: 200_000, monthly_ai_requests: 100_000, monthly_words: 10_000_000, monthly_images: 10_000, included_credits: 100_000 };

describe("admin REST", () => {
  it("is for developers only: owners, admins and others get 403 on every route", async () => {
    const { a } = await twoTenants();
    const admin = await createUser(a.account.id, "admin");
    for (const userId of [a.owner.id, admin.id]) {
      const token = await tokenFor(userId);
      for (const res of [
        await callApi(accounts.GET, { token }),
        await callApi(setStatus.POST, { method: "POST", token, params: { id: String(a.account.id) }, body: { status: "active" } }),
        await callApi(assignPlan.POST, { method: "POST", token, params: { id: String(a.account.id) }, body: { plan_id: 1 } }),
        await callApi(plans.GET, { token }),
        await callApi(plans.POST, { method: "POST", token, body: newPlan }),
        await callApi(users.GET, { token }),
        await callApi(status.GET, { token }),
        await callApi(metrics.GET, { token }),
      ]) expect(res.status).toBe(403);
    }
    expect(await rootDb().plan.count({ where: { slug: "agency" } })).toBe(0);
  });

  it("lists and searches accounts across tenants, and users across accounts", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor((await createDeveloper()).id);
    const all = await callApi(accounts.GET, { token, url: "/api/v1/admin/accounts/?page_size=100" });
    const ids = all.body.data.results.map((r: { id: number }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([a.account.id, b.account.id]));
    const found = await callApi(accounts.GET, { token, url: `/api/v1/admin/accounts/?search=${encodeURIComponent(b.owner.email)}` });
    expect(found.body.data.results.map((r: { id: number }) => r.id)).toEqual([b.account.id]);
    const people = await callApi(users.GET, { token, url: `/api/v1/admin/users/?search=${encodeURIComponent(a.owner.email)}` });
    expect(people.body.data.results[0].account.id).toBe(a.account.id);
  });

  it("suspends an account: its users are locked out on their next request; reactivation restores access", async () => {
    const { a, b } = await twoTenants();
    const dev = await tokenFor((await createDeveloper()).id);
    const ownerToken = await tokenFor(a.owner.id);
    expect((await callApi(me.GET, { token: ownerToken })).status).toBe(200);
    expect((await callApi(setStatus.POST, { method: "POST", token: dev, params: { id: String(a.account.id) }, body: { status: "suspended" } })).status).toBe(200);
    expect((await callApi(me.GET, { token: ownerToken })).status).toBe(403);
    expect((await callApi(me.GET, { token: await tokenFor(b.owner.id) })).status).toBe(200);
    await callApi(setStatus.POST, { method: "POST", token: dev, params: { id: String(a.account.id) }, body: { status: "active" } });
    expect((await callApi(me.GET, { token: ownerToken })).status).toBe(200);
    const system = await rootDb().account.findUniqueOrThrow({ where: { slug: "system" } });
    expect((await callApi(setStatus.POST, { method: "POST", token: dev, params: { id: String(system.id) }, body: { status: "suspended" } })).status).toBe(403);
  });

  it("creates, edits, defaults and retires plans, and assigns them to accounts", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor((await createDeveloper()).id);
    const created = await callApi(plans.POST, { method: "POST", token, body: newPlan });
    expect(created.status).toBe(201);
    const id = String(created.body.data.id);
    expect((await callApi(plan.PATCH, { method: "PATCH", token, params: { id }, body: { max_sites: 300, price: 599 } })).body.data).toMatchObject({ max_sites: 300, price: 599 });
    expect((await callApi(assignPlan.POST, { method: "POST", token, params: { id: String(a.account.id) }, body: { plan_id: Number(id) } })).status).toBe(200);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).planId).toBe(Number(id));
    expect(await rootDb().subscription.count({ where: { accountId: a.account.id, planId: Number(id), status: "active" } })).toBe(1);
    expect((await callApi(plan.PATCH, { method: "PATCH", token, params: { id }, body: { is_active: false } })).body.data.is_active).toBe(false);
    const defaultPlan = await rootDb().plan.findFirstOrThrow({ where: { isDefault: true } });
    expect((await callApi(plan.PATCH, { method: "PATCH", token, params: { id: String(defaultPlan.id) }, body: { is_active: false } })).status).toBe(400);
    expect((await callApi(plans.POST, { method: "POST", token, body: { ...newPlan, max_sectors_per_site: 6, slug: "six" } })).status).toBe(400);
    expect((await callApi(plans.POST, { method: "POST", token, body: newPlan })).status).toBe(409);
    expect((await callApi(assignPlan.POST, { method: "POST", token, params: { id: "999999" }, body: { plan_id: Number(id) } })).status).toBe(404);
  });

  it("reports system status and request metrics to developers", async () => {
    const token = await tokenFor((await createDeveloper()).id);
    const res = await callApi(status.GET, { token });
    expect(res.body.data.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(["Database", "Storage", "AI provider"]));
    await new Promise((r) => setTimeout(r, 200)); // metrics are written after the response
    const m = await callApi(metrics.GET, { token });
    expect(m.status).toBe(200);
    expect(m.body.data.recent.some((r: { path: string }) => r.path === "/api/v1/test/")).toBe(true);
  });
});
