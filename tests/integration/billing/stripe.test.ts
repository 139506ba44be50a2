import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as checkout from "@/app/api/v1/billing/checkout/route";
import * as portal from "@/app/api/v1/billing/portal/route";
import * as webhook from "@/app/api/v1/billing/webhooks/stripe/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createUser } from "@/tests/fixtures/factories";
import { checkoutCompleted, invoicePaid, signedWebhook, startStripeStub, stripeEvent, subscriptionEvent, type StripeStub } from "@/tests/fixtures/stripe-stub";

const SECRET = "whsec_test_secret";
let stripe: StripeStub;
let growth: { id: number; includedCredits: number };
let starter: { id: number; includedCredits: number };
let free: { id: number };

function deliver(event: object, options: { secret?: string; timestamp?: number; tamper?: (body: string) => string; headers?: Record<string, string> } = {}) {
  const { rawBody, headers } = signedWebhook(event, options.secret ?? SECRET, options.timestamp);
  return callApi(webhook.POST, { method: "POST", url: "/api/v1/billing/webhooks/stripe/", rawBody: options.tamper ? options.tamper(rawBody) : rawBody, headers: options.headers ?? headers });
}

async function ledgerMatchesBalance(accountId: number) {
  const [account, sum] = await Promise.all([rootDb().account.findUniqueOrThrow({ where: { id: accountId } }), rootDb().creditTransaction.aggregate({ where: { accountId }, _sum: { amount: true } })]);
  expect(sum._sum.amount ?? 0).toBe(account.credits);
  return account.credits;
}

/** An account that completed Checkout for `plan`: customer, subscription, plan set by the webhook. */
async function subscribed(plan: { id: number }, price: string) {
  const { account, owner } = await createAccount();
  const token = await tokenFor(owner.id);
  const res = await callApi(checkout.POST, { method: "POST", token, body: { plan_id: plan.id } });
  expect(res.status).toBe(200);
  const { stripeCustomerId: customer } = await rootDb().account.findUniqueOrThrow({ where: { id: account.id } });
  const subscription = `sub_${account.id}_${Date.now()}`;
  stripe.subscriptions.set(subscription, { itemId: `si_${subscription}`, price, customer: customer! });
  expect((await deliver(checkoutCompleted({ accountId: account.id, planId: plan.id, customer: customer!, subscription }))).status).toBe(200);
  return { account, owner, token, customer: customer!, subscription };
}

beforeAll(async () => {
  stripe = await startStripeStub();
  const plans = rootDb().plan;
  growth = await plans.update({ where: { slug: "growth" }, data: { stripePriceId: "price_growth" } });
  starter = await plans.update({ where: { slug: "starter" }, data: { stripePriceId: "price_starter" } });
  free = await plans.findUniqueOrThrow({ where: { slug: "free" } });
});
beforeEach(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_stub";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.STRIPE_API_BASE = stripe.url;
});
afterAll(async () => {
  await stripe.close();
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
});

describe("Stripe checkout and portal", () => {
  it("starts Checkout for the plan's price with a customer created once, and opens the portal", async () => {
    const { account, owner } = await createAccount();
    const token = await tokenFor(owner.id);
    const before = stripe.requests.length;
    const first = await callApi(checkout.POST, { method: "POST", token, body: { plan_id: growth.id } });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//), changed: false });
    const again = await callApi(checkout.POST, { method: "POST", token, body: { plan_id: starter.id } });
    expect(again.status).toBe(200);

    const sent = stripe.requests.slice(before);
    expect(sent.filter((r) => r.path === "/v1/customers")).toHaveLength(1);
    expect(sent[0]).toMatchObject({ idempotencyKey: `account-${account.id}-customer`, authorization: "Bearer sk_test_stub" });
    const session = sent.find((r) => r.path === "/v1/checkout/sessions")!;
    const { stripeCustomerId } = await rootDb().account.findUniqueOrThrow({ where: { id: account.id } });
    expect(session.form).toMatchObject({
      mode: "subscription",
      customer: stripeCustomerId,
      "line_items[0][price]": "price_growth",
      "line_items[0][quantity]": "1",
      "metadata[account_id]": String(account.id),
      "metadata[plan_id]": String(growth.id),
      "subscription_data[metadata][plan_id]": String(growth.id),
      success_url: "http://localhost/billing/plans?checkout=success",
    });
    // The plan changes only when Stripe confirms the payment.
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).planId).toBe(account.planId);

    const p = await callApi(portal.POST, { method: "POST", token });
    expect(p.status).toBe(200);
    expect(p.body.data.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(stripe.requests.at(-1)!.form).toMatchObject({ customer: stripeCustomerId, return_url: "http://localhost/billing/plans" });
  });

  it("changes an existing subscription's price instead of opening a second Checkout", async () => {
    const { token, subscription, account } = await subscribed(starter, "price_starter");
    const before = stripe.requests.length;
    const res = await callApi(checkout.POST, { method: "POST", token, body: { plan_id: growth.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ url: null, changed: true });
    const sent = stripe.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/subscriptions/${subscription}`, `POST /v1/subscriptions/${subscription}`]);
    expect(sent[1].form).toMatchObject({ "items[0][id]": `si_${subscription}`, "items[0][price]": "price_growth", proration_behavior: "create_prorations" });
    expect((await callApi(checkout.POST, { method: "POST", token, body: { plan_id: starter.id } })).body.message).toMatch(/already on the Starter plan/);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).planId).toBe(starter.id);
  });

  it("only owners (and developers) change plans; others get 403 and Stripe is never called", async () => {
    const { account } = await createAccount();
    const before = stripe.requests.length;
    for (const role of ["admin", "editor", "viewer"] as const) {
      const token = await tokenFor((await createUser(account.id, role)).id);
      expect((await callApi(checkout.POST, { method: "POST", token, body: { plan_id: growth.id } })).status).toBe(403);
      expect((await callApi(portal.POST, { method: "POST", token })).status).toBe(403);
    }
    expect(stripe.requests.length).toBe(before);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).stripeCustomerId).toBeNull();
  });

  it("answers bad input with a clear 400: unknown or retired plan, a plan without a Stripe price, no plan, no billing account, no keys", async () => {
    const { owner } = await createAccount();
    const token = await tokenFor(owner.id);
    const retired = await rootDb().plan.create({ data: { name: "Old", slug: `old-${owner.id}`, isActive: false, stripePriceId: "price_old", maxUsers: 1, maxSites: 1, maxSectorsPerSite: 1, maxKeywords: 1, maxClusters: 1, maxContentIdeas: 1, monthlyAiRequests: 1, monthlyWords: 1, monthlyImages: 1, includedCredits: 1 } });
    for (const [body, pattern] of [
      [{ plan_id: 999999 }, /Unknown plan/],
      [{ plan_id: retired.id }, /Unknown plan/],
      [{ plan_id: free.id }, /cannot be bought online/],
      [{}, /Invalid input/],
      [{ plan_id: "growth" }, /Invalid input/],
    ] as const) {
      const res = await callApi(checkout.POST, { method: "POST", token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toMatch(pattern);
    }
    expect((await callApi(portal.POST, { method: "POST", token })).body).toMatchObject({ success: false, message: expect.stringMatching(/no billing account/) });
    delete process.env.STRIPE_SECRET_KEY;
    const off = await callApi(checkout.POST, { method: "POST", token, body: { plan_id: growth.id } });
    expect(off.status).toBe(400);
    expect(off.body.message).toMatch(/administrator assigns plans/);
  });

  it("reports Stripe's refusal as a 502 with its message", async () => {
    const { owner } = await createAccount();
    stripe.failNext(400, "No such price: 'price_growth'");
    const res = await callApi(checkout.POST, { method: "POST", token: await tokenFor(owner.id), body: { plan_id: growth.id } });
    expect(res.status).toBe(502);
    expect(res.body.message).toMatch(/No such price/);
  });
});

describe("Stripe webhooks", () => {
  it("checkout completion sets the plan, and each paid invoice grants the plan's credits once", async () => {
    const { account, customer, subscription } = await subscribed(growth, "price_growth");
    const after = await rootDb().account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ planId: growth.id, status: "active" });
    const subs = await rootDb().subscription.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(subs.map((s) => [s.provider, s.status])).toEqual([["manual", "canceled"], ["stripe", "active"]]);

    const start = await ledgerMatchesBalance(account.id);
    const first = invoicePaid({ customer, subscription, price: "price_growth", billingReason: "subscription_create" });
    const res = await deliver(first);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ duplicate: false, outcome: "processed", account_id: account.id });
    expect(await ledgerMatchesBalance(account.id)).toBe(start + growth.includedCredits);

    // The same event again, and another event about the same invoice: nothing more.
    expect((await deliver(first)).body.data).toMatchObject({ duplicate: true });
    const sameInvoice = { ...invoicePaid({ customer, subscription, price: "price_growth" }), data: first.data, type: "invoice.payment_succeeded" };
    expect((await deliver(sameInvoice)).status).toBe(200);
    expect(await ledgerMatchesBalance(account.id)).toBe(start + growth.includedCredits);

    // Next month's renewal grants again.
    await deliver(invoicePaid({ customer, subscription, price: "price_growth" }));
    expect(await ledgerMatchesBalance(account.id)).toBe(start + 2 * growth.includedCredits);
    const grants = await rootDb().creditTransaction.findMany({ where: { accountId: account.id, idempotencyKey: { startsWith: "stripe:invoice:" } } });
    expect(grants.map((g) => [g.type, g.amount, g.description])).toEqual([
      ["grant", growth.includedCredits, "Monthly credits: Growth plan"],
      ["grant", growth.includedCredits, "Monthly credits: Growth plan"],
    ]);
  });

  it("a replay delivered many times at once is applied once", async () => {
    const { account, customer, subscription } = await subscribed(starter, "price_starter");
    const start = await ledgerMatchesBalance(account.id);
    const event = invoicePaid({ customer, subscription, price: "price_starter" });
    const results = await Promise.all(Array.from({ length: 8 }, () => deliver(event)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.filter((r) => r.body.data.duplicate === false)).toHaveLength(1);
    expect(await ledgerMatchesBalance(account.id)).toBe(start + starter.includedCredits);
    expect(await rootDb().paymentEvent.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("refuses bad, expired, missing or foreign signatures and tampered bodies with 400, changing nothing", async () => {
    const { account, customer, subscription } = await subscribed(starter, "price_starter");
    const start = await ledgerMatchesBalance(account.id);
    const events = await rootDb().paymentEvent.count();
    const event = invoicePaid({ customer, subscription, price: "price_starter" });
    const now = Math.floor(Date.now() / 1000);
    for (const res of [
      await deliver(event, { secret: "whsec_someone_else" }),
      await deliver(event, { timestamp: now - 6 * 60 }),
      await deliver(event, { timestamp: now + 6 * 60 }),
      await deliver(event, { tamper: (body) => body.replace(`"${customer}"`, '"cus_attacker"') }),
      await deliver(event, { headers: {} }),
      await deliver(event, { headers: { "stripe-signature": "t=abc,v1=" } }),
      await callApi(webhook.POST, { method: "POST", rawBody: "not json", headers: { "stripe-signature": signedWebhook({}, SECRET).headers["stripe-signature"] } }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, code: "invalid_webhook" });
    }
    expect(await rootDb().paymentEvent.count()).toBe(events);
    expect(await ledgerMatchesBalance(account.id)).toBe(start);
    // Within the tolerance it is accepted.
    expect((await deliver(event, { timestamp: now - 4 * 60 })).status).toBe(200);
  });

  it("subscription updates change the plan, stale ones are ignored, and deletion falls back to the free plan", async () => {
    const { account, customer, subscription } = await subscribed(starter, "price_starter");
    const now = Math.floor(Date.now() / 1000);
    const upgraded = await deliver(subscriptionEvent("customer.subscription.updated", { subscription, customer, price: "price_growth", created: now + 5 }));
    expect(upgraded.body.data.summary).toMatch(/active on Growth/);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).planId).toBe(growth.id);

    const stale = await deliver(subscriptionEvent("customer.subscription.updated", { subscription, customer, price: "price_starter", created: now - 60 }));
    expect(stale.body.data).toMatchObject({ outcome: "ignored", summary: expect.stringMatching(/Older/) });
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).planId).toBe(growth.id);

    await deliver(subscriptionEvent("customer.subscription.updated", { subscription, customer, price: "price_growth", cancelAtPeriodEnd: true, created: now + 6 }));
    expect(await rootDb().subscription.findUniqueOrThrow({ where: { externalId: subscription } })).toMatchObject({ cancelAtPeriodEnd: true, status: "active", planId: growth.id });

    await deliver(subscriptionEvent("customer.subscription.deleted", { subscription, customer, price: "price_growth", created: now + 7 }));
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).planId).toBe(free.id);
    expect((await rootDb().subscription.findUniqueOrThrow({ where: { externalId: subscription } })).status).toBe("canceled");
  });

  it("records events it does not act on, and events of unknown customers, without touching any account", async () => {
    const other = await createAccount();
    const before = await rootDb().account.update({ where: { id: other.account.id }, data: { stripeCustomerId: `cus_real_${other.account.id}` } });
    const unknown = await deliver(invoicePaid({ customer: "cus_nobody", subscription: "sub_nobody", price: "price_growth" }));
    expect(unknown.body.data).toMatchObject({ outcome: "ignored", duplicate: false });
    const unhandled = await deliver(stripeEvent({ type: "customer.created", object: { id: "cus_new", object: "customer" } }));
    expect(unhandled.body.data).toMatchObject({ outcome: "ignored", summary: "customer.created is not handled." });
    // An account id in the metadata does not override the customer the account belongs to.
    const mismatch = await deliver(checkoutCompleted({ accountId: other.account.id, planId: growth.id, customer: "cus_someone_else", subscription: "sub_other" }));
    expect(mismatch.body.data).toMatchObject({ outcome: "ignored", summary: "No account matches this checkout." });
    expect(await rootDb().account.findUniqueOrThrow({ where: { id: other.account.id } })).toMatchObject({ planId: before.planId, credits: before.credits, stripeCustomerId: before.stripeCustomerId });
  });

  it("answers 400 when Stripe is not configured", async () => {
    delete process.env.STRIPE_SECRET_KEY;
    const res = await deliver(stripeEvent({ type: "invoice.paid", object: {} }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/not configured/);
  });
});
