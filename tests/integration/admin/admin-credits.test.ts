import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as accounts from "@/app/api/v1/admin/accounts/route";
import * as adjust from "@/app/api/v1/admin/accounts/[id]/adjust_credits/route";
import * as assignPlan from "@/app/api/v1/admin/accounts/[id]/assign_plan/route";
import * as transactions from "@/app/api/v1/billing/transactions/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { chargeUsage, expectConsistentLedger } from "@/tests/fixtures/billing";
import { createDeveloper, createUser, twoTenants } from "@/tests/fixtures/factories";

const post = (token: string, id: number, body: unknown) => callApi(adjust.POST, { method: "POST", token, params: { id: String(id) }, body });

describe("admin: credits and usage per account", () => {
  it("adjusts credits with a reason that the account's owner sees in their ledger", async () => {
    const { a, b } = await twoTenants();
    const dev = await createDeveloper();
    const token = await tokenFor(dev.id);
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    const added = await post(token, a.account.id, { amount: 250, reason: "Goodwill for the outage on May 3" });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ account_id: a.account.id, amount: 250, balance: before + 250 });
    const removed = await post(token, a.account.id, { amount: -50, reason: "Duplicate grant" });
    expect(removed.body.data.balance).toBe(before + 200);

    const ledger = await callApi(transactions.GET, { token: await tokenFor(a.owner.id), url: "/api/v1/billing/transactions/?type=adjustment" });
    expect(ledger.body.data.results.map((r: { amount: number; description: string }) => [r.amount, r.description])).toEqual([[-50, "Duplicate grant"], [250, "Goodwill for the outage on May 3"]]);
    const row = await rootDb().creditTransaction.findFirstOrThrow({ where: { accountId: a.account.id, amount: 250 } });
    expect(row.metadata).toMatchObject({ byUserId: dev.id, byEmail: dev.email });
    await expectConsistentLedger(a.account.id);
    expect((await rootDb().creditTransaction.count({ where: { accountId: b.account.id, type: "adjustment" } }))).toBe(0);
  });

  it("refuses zero, non-integer and oversized amounts, a missing reason, and going below zero (400); unknown accounts 404", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor((await createDeveloper()).id);
    const balance = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    for (const body of [{ amount: 0, reason: "zero" }, { amount: 1.5, reason: "half" }, { amount: "ten", reason: "text" }, { amount: 100_000_000, reason: "too much" }, { amount: 10 }, { amount: 10, reason: " " }, { amount: 10, reason: "x".repeat(501) }]) {
      const res = await post(token, a.account.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors).toBeDefined();
    }
    const below = await post(token, a.account.id, { amount: -(balance + 1), reason: "Too much" });
    expect(below.status).toBe(400);
    expect(below.body.message).toMatch(new RegExp(`below zero: the account has ${balance.toLocaleString("en-US")} credits`));
    expect((await post(token, 999_999, { amount: 5, reason: "Nobody" })).status).toBe(404);
    await expectConsistentLedger(a.account.id);
    expect(await rootDb().creditTransaction.count({ where: { accountId: a.account.id, type: "adjustment" } })).toBe(0);
  });

  it("is for developers only: owners and admins get 403 and nothing changes", async () => {
    const { a } = await twoTenants();
    const admin = await createUser(a.account.id, "admin");
    for (const userId of [a.owner.id, admin.id]) {
      expect((await post(await tokenFor(userId), a.account.id, { amount: 1000, reason: "Free money" })).status).toBe(403);
    }
    expect(await rootDb().creditTransaction.count({ where: { accountId: a.account.id, type: "adjustment" } })).toBe(0);
  });

  it("assigns a plan with its included credits when asked, and lists this month's usage per account", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor((await createDeveloper()).id);
    const growth = await rootDb().plan.findUniqueOrThrow({ where: { slug: "growth" } });
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    const bBefore = (await rootDb().account.findUniqueOrThrow({ where: { id: b.account.id } })).credits;
    const res = await callApi(assignPlan.POST, { method: "POST", token, params: { id: String(a.account.id) }, body: { plan_id: growth.id, grant_credits: true } });
    expect(res.body.data).toMatchObject({ plan_id: growth.id, credits: before + growth.includedCredits });
    await callApi(assignPlan.POST, { method: "POST", token, params: { id: String(b.account.id) }, body: { plan_id: growth.id } });
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: b.account.id } })).credits).toBe(bBefore);
    await expectConsistentLedger(a.account.id);

    await chargeUsage(a.account.id, { operation: "generate_content", credits: 10, siteId: a.site.id });
    await chargeUsage(a.account.id, { operation: "auto_cluster", credits: 2 });
    const list = await callApi(accounts.GET, { token, url: `/api/v1/admin/accounts/?search=${encodeURIComponent(a.owner.email)}` });
    expect(list.body.data.results[0]).toMatchObject({ id: a.account.id, month: { ai_requests: 2, credits_spent: 12, cost_usd: expect.any(Number) } });
  });
});
