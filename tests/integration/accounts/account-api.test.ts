import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as account from "@/app/api/v1/auth/account/route";
import * as transfer from "@/app/api/v1/auth/account/transfer_ownership/route";
import * as remove from "@/app/api/v1/auth/account/delete/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, TEST_PASSWORD, twoTenants } from "@/tests/fixtures/factories";
import { chargeUsage } from "@/tests/fixtures/billing";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";

async function countsFor(accountId: number) {
  const db = rootDb();
  const [users, sites, sectors, keywords, clusters, links, ledger, usage, runs, subscriptions, paymentEvents] = await Promise.all([
    db.user.count({ where: { accountId } }),
    db.site.count({ where: { accountId } }),
    db.sector.count({ where: { accountId } }),
    db.keyword.count({ where: { accountId } }),
    db.cluster.count({ where: { accountId } }),
    db.keywordCluster.count({ where: { accountId } }),
    db.creditTransaction.count({ where: { accountId } }),
    db.creditUsageLog.count({ where: { accountId } }),
    db.run.count({ where: { accountId } }),
    db.subscription.count({ where: { accountId } }),
    db.paymentEvent.count({ where: { accountId } }),
  ]);
  return { users, sites, sectors, keywords, clusters, links, ledger, usage, runs, subscriptions, paymentEvents };
}

/** Billing rows of every kind: usage charged through a run, a Stripe subscription and its event. */
async function billingRows(accountId: number, siteId: number) {
  const run = await rootDb().run.create({ data: { accountId, siteId, kind: "generate_ideas", functionId: "generate-ideas", eventName: "x", eventData: {}, status: "succeeded" } });
  await chargeUsage(accountId, { operation: "generate_ideas", credits: 2, siteId, runId: run.id });
  await rootDb().subscription.create({ data: { accountId, planId: (await rootDb().account.findUniqueOrThrow({ where: { id: accountId } })).planId, provider: "stripe", externalId: `sub_${accountId}` } });
  await rootDb().paymentEvent.create({ data: { provider: "stripe", eventId: `evt_${accountId}`, type: "invoice.paid", accountId } });
}

describe("account settings REST", () => {
  it("renames the account and changes its slug (owners and admins only)", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const res = await callApi(account.PATCH, { method: "PATCH", token, body: { name: "Renamed", slug: "renamed-co" } });
    expect(res.body.data).toMatchObject({ name: "Renamed", slug: "renamed-co" });
    expect((await callApi(account.PATCH, { method: "PATCH", token, body: { slug: b.account.slug } })).status).toBe(409);
    expect((await callApi(account.PATCH, { method: "PATCH", token, body: { slug: "Bad Slug" } })).status).toBe(400);
    const editor = await tokenFor((await createUser(a.account.id, "editor")).id);
    expect((await callApi(account.PATCH, { method: "PATCH", token: editor, body: { name: "Nope" } })).status).toBe(403);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: b.account.id } })).name).toBe(b.account.name);
  });

  it("transfers ownership to a member; the old owner becomes admin; only the owner may", async () => {
    const { a, b } = await twoTenants();
    const admin = await createUser(a.account.id, "admin");
    const bUser = await createUser(b.account.id, "admin");
    const token = await tokenFor(a.owner.id);
    expect((await callApi(transfer.POST, { method: "POST", token: await tokenFor(admin.id), body: { user_id: admin.id } })).status).toBe(403);
    expect((await callApi(transfer.POST, { method: "POST", token, body: { user_id: bUser.id } })).status).toBe(404);
    const res = await callApi(transfer.POST, { method: "POST", token, body: { user_id: admin.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.owner.id).toBe(admin.id);
    expect((await rootDb().user.findUniqueOrThrow({ where: { id: a.owner.id } })).role).toBe("admin");
    expect((await rootDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("owner");
    expect((await rootDb().user.findUniqueOrThrow({ where: { id: bUser.id } })).role).toBe("admin");
  });

  it("deletes the account with all its data after confirmation, leaving other accounts untouched", async () => {
    const { a, b } = await twoTenants();
    for (const t of [a, b]) {
      const kws = await createKeywords({ ...t.sector, siteId: t.site.id }, ["one", "two"]);
      await createCluster({ ...t.sector, siteId: t.site.id }, "C", kws.map((k) => k.id));
      await createUser(t.account.id, "editor", [t.site.id]);
      await billingRows(t.account.id, t.site.id);
    }
    const before = await countsFor(b.account.id);
    const token = await tokenFor(a.owner.id);
    expect((await callApi(remove.POST, { method: "POST", token, body: { confirm: "wrong", password: TEST_PASSWORD } })).status).toBe(400);
    expect((await callApi(remove.POST, { method: "POST", token, body: { confirm: a.account.slug, password: "wrong password" } })).status).toBe(400);
    const editor = await rootDb().user.findFirstOrThrow({ where: { accountId: a.account.id, role: "editor" } });
    expect((await callApi(remove.POST, { method: "POST", token: await tokenFor(editor.id), body: { confirm: a.account.slug, password: TEST_PASSWORD } })).status).toBe(403);

    const res = await callApi(remove.POST, { method: "POST", token, body: { confirm: a.account.slug, password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(await rootDb().account.findUnique({ where: { id: a.account.id } })).toBeNull();
    expect(await countsFor(a.account.id)).toEqual({ users: 0, sites: 0, sectors: 0, keywords: 0, clusters: 0, links: 0, ledger: 0, usage: 0, runs: 0, subscriptions: 0, paymentEvents: 0 });
    expect(before).toMatchObject({ ledger: 2, usage: 1, runs: 1, subscriptions: 2, paymentEvents: 1 });
    expect(await countsFor(b.account.id)).toEqual(before);
    expect((await callApi(account.GET, { token })).status).toBe(401);
  });
});
