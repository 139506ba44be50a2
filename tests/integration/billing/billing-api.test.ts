import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as transactions from "@/app/api/v1/billing/transactions/route";
import * as transaction from "@/app/api/v1/billing/transactions/[id]/route";
import * as exportCsv from "@/app/api/v1/billing/transactions/export_csv/route";
import * as balance from "@/app/api/v1/billing/balance/route";
import * as usage from "@/app/api/v1/billing/usage/route";
import * as plans from "@/app/api/v1/billing/plans/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { chargeUsage } from "@/tests/fixtures/billing";
import { createUser, twoTenants } from "@/tests/fixtures/factories";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function spend() {
  const t = await twoTenants();
  const { a, b } = t;
  await chargeUsage(a.account.id, { operation: "generate_content", credits: 10, model: "gpt-4o", siteId: a.site.id, tokensIn: 2000, tokensOut: 1500 });
  await chargeUsage(a.account.id, { operation: "generate_content", credits: 10, model: "gpt-4o", siteId: a.site.id, at: daysAgo(3) });
  await chargeUsage(a.account.id, { operation: "auto_cluster", credits: 3, model: "gpt-4o-mini", siteId: null, at: daysAgo(10) });
  await chargeUsage(a.account.id, { operation: "generate_images", credits: 6, model: "dall-e-3", images: 2, tokensIn: 0, tokensOut: 0, siteId: a.site.id, at: daysAgo(45) });
  await chargeUsage(b.account.id, { operation: "generate_ideas", credits: 2, siteId: b.site.id });
  return { ...t, token: await tokenFor(a.owner.id) };
}

describe("billing REST", () => {
  it("lists the account's own ledger with filters, ordering and pages; another account's ids answer 404", async () => {
    const { a, b, token } = await spend();
    const all = await callApi(transactions.GET, { token, url: "/api/v1/billing/transactions/?page_size=100" });
    expect(all.status).toBe(200);
    const rows = all.body.data.results as { id: number; type: string; amount: number; balance_after: number; operation: string | null }[];
    expect(rows).toHaveLength(5); // sign-up grant + four charges, none of b's
    expect(rows[0]).toMatchObject({ type: "usage", amount: -10, operation: "generate_content" });
    expect(rows[0]).not.toHaveProperty("metadata");
    expect(rows.filter((r) => r.type === "grant")).toHaveLength(1);

    const usageOnly = await callApi(transactions.GET, { token, url: "/api/v1/billing/transactions/?type=usage&ordering=amount" });
    expect(usageOnly.body.data.results.map((r: { amount: number }) => r.amount)).toEqual([-10, -10, -6, -3]);
    const recent = await callApi(transactions.GET, { token, url: `/api/v1/billing/transactions/?type=usage&date_from=${isoDay(daysAgo(11))}&date_to=${isoDay(daysAgo(2))}` });
    expect(recent.body.data.results.map((r: { amount: number }) => r.amount)).toEqual([-10, -3]);
    const paged = await callApi(transactions.GET, { token, url: "/api/v1/billing/transactions/?page_size=2&page=2" });
    expect(paged.body.data).toMatchObject({ count: 5, next: expect.stringContaining("page=3"), previous: expect.stringContaining("page=1") });
    const search = await callApi(transactions.GET, { token, url: "/api/v1/billing/transactions/?search=auto_cluster" });
    expect(search.body.data.count).toBe(1);

    const own = await callApi(transaction.GET, { token, params: { id: String(rows[0].id) } });
    expect(own.body.data).toMatchObject({ id: rows[0].id, balance_after: rows[0].balance_after });
    const bRow = await rootDb().creditTransaction.findFirstOrThrow({ where: { accountId: b.account.id } });
    expect((await callApi(transaction.GET, { token, params: { id: String(bRow.id) } })).status).toBe(404);
    expect((await callApi(transaction.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect(a.account.id).not.toBe(b.account.id);
  });

  it("exports the filtered ledger as CSV, own rows only", async () => {
    const { token } = await spend();
    const res = await callApi(exportCsv.GET, { token, url: "/api/v1/billing/transactions/export_csv/?type=usage" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/credit-transactions-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (res.body as string).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,created_at,type,operation,amount,balance_after,description,run_id");
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((l) => l.split(",")[2] === "usage")).toBe(true);
    expect(lines.filter((l) => /,usage,generate_content,-10,\d+,Test generate_content,[0-9a-f-]{36}$/.test(l))).toHaveLength(2);
  });

  it("reports balance, this month's spend and the plan to every member", async () => {
    const { a } = await spend();
    const viewer = await createUser(a.account.id, "viewer");
    const res = await callApi(balance.GET, { token: await tokenFor(viewer.id) });
    expect(res.status).toBe(200);
    const account = await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id }, include: { plan: true } });
    expect(res.body.data).toMatchObject({ balance: account.credits, plan: { name: account.plan.name, included_credits: account.plan.includedCredits }, low_balance: false });
    const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    const spentThisMonth = (await rootDb().creditTransaction.aggregate({ where: { accountId: a.account.id, type: "usage", createdAt: { gte: monthStart } }, _sum: { amount: true } }))._sum.amount!;
    expect(res.body.data.spent_this_month).toBe(-spentThisMonth);
    const overview = await callApi(plans.GET, { token: await tokenFor(viewer.id) });
    expect(overview.body.data).toMatchObject({ payments_enabled: false, can_change: false });
    expect(overview.body.data.plans.filter((p: { is_current: boolean }) => p.is_current)).toHaveLength(1);
  });

  it("aggregates usage by day, operation, model and site in credits and USD, with this month against the plan", async () => {
    const { a, token } = await spend();
    const res = await callApi(usage.GET, { token, url: "/api/v1/billing/usage/?days=30" });
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.totals).toMatchObject({ credits: 23, calls: 3 });
    expect(d.totals.cost_usd).toBeGreaterThan(0);
    expect(d.by_day).toHaveLength(30);
    expect(d.by_day.reduce((s: number, x: { credits: number }) => s + x.credits, 0)).toBe(23);
    expect(d.by_operation.map((o: { operation: string; credits: number; label: string }) => [o.operation, o.credits, o.label])).toEqual([["generate_content", 20, "Article writing"], ["auto_cluster", 3, "AI clustering"]]);
    expect(d.by_model.map((m: { model: string }) => m.model)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(d.by_site).toEqual(expect.arrayContaining([expect.objectContaining({ site_id: a.site.id, name: a.site.name, credits: 20 }), expect.objectContaining({ site_id: null, name: "No site", credits: 3 })]));
    expect(d.month).toMatchObject({ ai_requests: { used: expect.any(Number), max: expect.any(Number) }, words: { max: expect.any(Number) }, images: { max: expect.any(Number) } });

    const ninety = await callApi(usage.GET, { token, url: `/api/v1/billing/usage/?days=90&site_id=${a.site.id}` });
    expect(ninety.body.data.totals).toMatchObject({ credits: 26, calls: 3, images: 2 });
  });

  it("keeps spend details for owners, admins and developers; editors and viewers get 403", async () => {
    const { a } = await spend();
    for (const role of ["editor", "viewer"] as const) {
      const token = await tokenFor((await createUser(a.account.id, role, [a.site.id])).id);
      for (const res of [await callApi(transactions.GET, { token }), await callApi(exportCsv.GET, { token }), await callApi(usage.GET, { token })]) expect(res.status).toBe(403);
    }
    const admin = await tokenFor((await createUser(a.account.id, "admin")).id);
    expect((await callApi(transactions.GET, { token: admin })).status).toBe(200);
  });

  it("answers bad filters with 400", async () => {
    const { token } = await spend();
    for (const url of [
      "/api/v1/billing/transactions/?type=bogus",
      "/api/v1/billing/transactions/?date_from=2026-13-45",
      "/api/v1/billing/transactions/?date_from=yesterday",
      "/api/v1/billing/transactions/?date_from=2026-05-02&date_to=2026-05-01",
      "/api/v1/billing/transactions/?page=0",
    ]) expect((await callApi(transactions.GET, { token, url })).status, url).toBe(400);
    for (const url of ["/api/v1/billing/usage/?days=12", "/api/v1/billing/usage/?site_id=-1"]) expect((await callApi(usage.GET, { token, url })).status, url).toBe(400);
    expect((await callApi(transactions.GET, { url: "/api/v1/billing/transactions/" })).status).toBe(401);
  });
});
