// Applies verified payment webhooks. One of the named places of the unscoped client: a webhook
// arrives with no session, and finds its account through the provider's customer id.
//
// Idempotency: the event row (unique provider + event id) is inserted first, in the same
// transaction as its effects. A replay finds the row and changes nothing; a concurrent re-delivery
// waits on the unique index and then finds it; a failure rolls both back so the provider's retry
// processes the event again. Renewal credits have their own ledger key per invoice, so two
// different events about one invoice still grant once. Subscription events older than the last
// one applied are ignored (providers do not guarantee order).
import { addCredits, findCharge } from "@/lib/billing/credits";
import { rootDb } from "@/lib/db/client";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { paymentProvider } from "./index";
import { InvalidWebhookError, type PaymentAction, type WebhookEvent } from "./types";

type Tx = Parameters<Parameters<ReturnType<typeof rootDb>["$transaction"]>[0]>[0];
type Outcome = { accountId: number | null; outcome: "processed" | "ignored"; summary: string };
export type WebhookResult = Outcome & { duplicate: boolean; eventId: string; type: string };

const OPEN: SubscriptionStatus[] = ["active", "trialing", "past_due"];
const ignored = (summary: string, accountId: number | null = null): Outcome => ({ accountId, outcome: "ignored", summary });

export async function handleStripeWebhook(payload: string, signature: string | null): Promise<WebhookResult> {
  const provider = paymentProvider();
  if (!provider) throw new InvalidWebhookError("Stripe is not configured on this installation (STRIPE_SECRET_KEY).");
  return recordPaymentEvent(provider.name, provider.parseWebhook(payload, signature));
}

export async function recordPaymentEvent(provider: string, event: WebhookEvent): Promise<WebhookResult> {
  return rootDb().$transaction(
    async (tx) => {
      const { count } = await tx.paymentEvent.createMany({ data: [{ provider, eventId: event.id, type: event.type, eventCreatedAt: event.createdAt }], skipDuplicates: true });
      if (!count) return { duplicate: true, eventId: event.id, type: event.type, accountId: null, outcome: "ignored" as const, summary: "Already processed." };
      const result = await apply(tx, event.action, event);
      await tx.paymentEvent.update({ where: { provider_eventId: { provider, eventId: event.id } }, data: result });
      return { duplicate: false, eventId: event.id, type: event.type, ...result };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

function apply(tx: Tx, action: PaymentAction, event: WebhookEvent): Promise<Outcome> {
  switch (action.kind) {
    case "checkout_completed":
      return checkoutCompleted(tx, action, event.createdAt);
    case "subscription_changed":
      return action.status === "canceled" ? subscriptionEnded(tx, action, event.createdAt) : subscriptionChanged(tx, action, event.createdAt);
    case "subscription_ended":
      return subscriptionEnded(tx, action, event.createdAt);
    case "invoice_paid":
      return invoicePaid(tx, action);
    case "ignored":
      return Promise.resolve(ignored(`${event.type} is not handled.`));
  }
}

/** The customer id is authoritative; the account id we put in the metadata is the fallback. */
async function findAccount(tx: Tx, hints: { customerId: string | null; accountId: number | null }) {
  if (hints.customerId) {
    const byCustomer = await tx.account.findUnique({ where: { stripeCustomerId: hints.customerId } });
    if (byCustomer) return byCustomer;
  }
  if (!hints.accountId) return null;
  const account = await tx.account.findUnique({ where: { id: hints.accountId } });
  return account && (!account.stripeCustomerId || !hints.customerId || account.stripeCustomerId === hints.customerId) ? account : null;
}

type SubscriptionUpdate = { externalId: string; planId: number; status: SubscriptionStatus; periodStart?: Date | null; periodEnd?: Date | null; cancelAtPeriodEnd?: boolean; eventAt: Date };

/** Upserts the provider's subscription; while it is active (or trialing) its plan is the account's plan. */
async function applySubscription(tx: Tx, accountId: number, s: SubscriptionUpdate): Promise<"stale" | "applied"> {
  const existing = await tx.subscription.findUnique({ where: { externalId: s.externalId } });
  if (existing?.lastEventAt && existing.lastEventAt > s.eventAt) return "stale";
  const fields = {
    planId: s.planId,
    status: s.status,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd ?? false,
    lastEventAt: s.eventAt,
    ...(s.periodStart ? { currentPeriodStart: s.periodStart } : {}),
    ...(s.periodEnd ? { currentPeriodEnd: s.periodEnd } : {}),
  };
  const sub = existing
    ? await tx.subscription.update({ where: { id: existing.id }, data: fields })
    : await tx.subscription.create({ data: { accountId, provider: "stripe", externalId: s.externalId, ...fields } });
  if (s.status === "active" || s.status === "trialing") {
    await tx.subscription.updateMany({ where: { accountId, id: { not: sub.id }, status: { in: OPEN } }, data: { status: "canceled" } });
    await tx.account.updateMany({ where: { id: accountId, status: "trial" }, data: { status: "active" } });
    await tx.account.update({ where: { id: accountId }, data: { planId: s.planId } });
  }
  return "applied";
}

async function checkoutCompleted(tx: Tx, a: Extract<PaymentAction, { kind: "checkout_completed" }>, eventAt: Date): Promise<Outcome> {
  const account = await findAccount(tx, a);
  if (!account) return ignored("No account matches this checkout.");
  const plan = a.planId ? await tx.plan.findUnique({ where: { id: a.planId } }) : null;
  if (!plan) return ignored("The checkout names no known plan.", account.id);
  if (a.customerId && !account.stripeCustomerId) await tx.account.update({ where: { id: account.id }, data: { stripeCustomerId: a.customerId } });
  if (!a.subscriptionId) return ignored("The checkout has no subscription.", account.id);
  const applied = await applySubscription(tx, account.id, { externalId: a.subscriptionId, planId: plan.id, status: "active", eventAt });
  return { accountId: account.id, outcome: "processed", summary: applied === "stale" ? "A newer subscription event was already applied." : `Checkout completed: now on ${plan.name}.` };
}

async function planForPrice(tx: Tx, priceId: string | null, fallbackId: number | null) {
  const byPrice = priceId ? await tx.plan.findFirst({ where: { stripePriceId: priceId }, orderBy: { isActive: "desc" } }) : null;
  return byPrice ?? (fallbackId ? tx.plan.findUnique({ where: { id: fallbackId } }) : null);
}

async function subscriptionChanged(tx: Tx, a: Extract<PaymentAction, { kind: "subscription_changed" }>, eventAt: Date): Promise<Outcome> {
  const existing = await tx.subscription.findUnique({ where: { externalId: a.subscriptionId } });
  const account = await findAccount(tx, { customerId: a.customerId, accountId: existing?.accountId ?? a.accountId });
  if (!account) return ignored("No account matches this subscription.");
  const plan = await planForPrice(tx, a.priceId, a.planId ?? existing?.planId ?? null);
  if (!plan) return ignored(`No plan has the Stripe price ${a.priceId ?? "(none)"}.`, account.id);
  const applied = await applySubscription(tx, account.id, { externalId: a.subscriptionId, planId: plan.id, status: a.status, periodStart: a.periodStart, periodEnd: a.periodEnd, cancelAtPeriodEnd: a.cancelAtPeriodEnd, eventAt });
  if (applied === "stale") return { accountId: account.id, outcome: "ignored", summary: "Older than the last subscription event applied." };
  return { accountId: account.id, outcome: "processed", summary: `Subscription ${a.status} on ${plan.name}${a.cancelAtPeriodEnd ? ", cancels at period end" : ""}.` };
}

/** Ended: the account falls back to the free plan (if there is one) unless another subscription is open. */
async function subscriptionEnded(tx: Tx, a: { subscriptionId: string; customerId: string | null; accountId: number | null }, eventAt: Date): Promise<Outcome> {
  const existing = await tx.subscription.findUnique({ where: { externalId: a.subscriptionId } });
  const account = await findAccount(tx, { customerId: a.customerId, accountId: existing?.accountId ?? a.accountId });
  if (!account || !existing) return ignored("No subscription of ours matches.", account?.id ?? null);
  if (existing.lastEventAt && existing.lastEventAt > eventAt) return ignored("Older than the last subscription event applied.", account.id);
  await tx.subscription.update({ where: { id: existing.id }, data: { status: "canceled", cancelAtPeriodEnd: false, lastEventAt: eventAt } });
  const stillOpen = await tx.subscription.count({ where: { accountId: account.id, status: { in: ["active", "trialing"] } } });
  const free = await tx.plan.findFirst({ where: { isActive: true, price: 0 }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  if (!stillOpen && free && account.planId === existing.planId) {
    await tx.account.update({ where: { id: account.id }, data: { planId: free.id } });
    return { accountId: account.id, outcome: "processed", summary: `Subscription ended: moved to ${free.name}.` };
  }
  return { accountId: account.id, outcome: "processed", summary: "Subscription ended." };
}

/** A paid renewal (or first) invoice grants the plan's included credits, once per invoice. */
async function invoicePaid(tx: Tx, a: Extract<PaymentAction, { kind: "invoice_paid" }>): Promise<Outcome> {
  const sub = a.subscriptionId ? await tx.subscription.findUnique({ where: { externalId: a.subscriptionId } }) : null;
  const account = await findAccount(tx, { customerId: a.customerId, accountId: sub?.accountId ?? null });
  if (!account) return ignored("No account matches this invoice.");
  const plan = await planForPrice(tx, a.priceId, sub?.planId ?? account.planId);
  if (!plan) return ignored("No plan matches this invoice.", account.id);
  if (sub && (a.periodStart || a.periodEnd)) {
    await tx.subscription.update({ where: { id: sub.id }, data: { ...(a.periodStart ? { currentPeriodStart: a.periodStart } : {}), ...(a.periodEnd ? { currentPeriodEnd: a.periodEnd } : {}) } });
  }
  const key = `stripe:invoice:${a.invoiceId}`;
  if (await findCharge(tx, key)) return { accountId: account.id, outcome: "processed", summary: "Credits for this invoice were already granted." };
  if (plan.includedCredits <= 0) return { accountId: account.id, outcome: "processed", summary: `${plan.name} includes no credits.` };
  await addCredits(tx, { accountId: account.id, amount: plan.includedCredits, type: "grant", description: `Monthly credits: ${plan.name} plan`, idempotencyKey: key, metadata: { invoiceId: a.invoiceId, subscriptionId: a.subscriptionId } });
  return { accountId: account.id, outcome: "processed", summary: `Granted ${plan.includedCredits} credits (${plan.name}).` };
}
