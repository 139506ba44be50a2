// The Stripe implementation of the payment-provider interface, on the official `stripe` SDK:
// Checkout (subscription mode) for a plan's price, plan changes on an existing subscription, the
// customer portal, and webhooks (verified with the SDK's webhooks.constructEvent).
// Webhook payloads are read defensively: fields moved between Stripe API versions (a
// subscription's period went onto its items; an invoice's subscription under `parent`), and we
// accept both shapes.
import Stripe from "stripe";
import { z } from "zod";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { InvalidWebhookError, PaymentProviderError, type PaymentAction, type PaymentProvider, type WebhookEvent } from "./types";

/** How old a signed webhook may be (seconds): a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeConfig = { secretKey: string; webhookSecret: string | null; apiBase: string };

const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
/** Ids may come expanded (`{ id: … }`) or as strings. */
const idOf = (v: unknown): string | null => str(v) ?? str(obj(v).id);
const int = (v: unknown): number | null => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
};
const time = (v: unknown): Date | null => (typeof v === "number" && v > 0 ? new Date(v * 1000) : null);
const firstItem = (list: unknown): Obj => obj((obj(list).data as unknown[] | undefined)?.[0]);

const STATUS: Record<string, SubscriptionStatus> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  unpaid: "past_due",
  incomplete: "past_due",
  paused: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
};

function subscriptionAction(sub: Obj): PaymentAction {
  const item = firstItem(sub.items);
  const metadata = obj(sub.metadata);
  return {
    kind: "subscription_changed",
    subscriptionId: idOf(sub.id) ?? "",
    customerId: idOf(sub.customer),
    accountId: int(metadata.account_id),
    planId: int(metadata.plan_id),
    priceId: idOf(item.price),
    status: STATUS[String(sub.status)] ?? "past_due",
    cancelAtPeriodEnd: sub.cancel_at_period_end === true,
    periodStart: time(sub.current_period_start ?? item.current_period_start),
    periodEnd: time(sub.current_period_end ?? item.current_period_end),
  };
}

/** Stripe event → what it means for us. Types we do not act on are "ignored" (and still recorded). */
export function stripeAction(type: string, o: Obj): PaymentAction {
  switch (type) {
    case "checkout.session.completed": {
      if (o.mode !== "subscription") return { kind: "ignored" };
      const metadata = obj(o.metadata);
      return { kind: "checkout_completed", customerId: idOf(o.customer), subscriptionId: idOf(o.subscription), accountId: int(metadata.account_id ?? o.client_reference_id), planId: int(metadata.plan_id) };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
      return idOf(o.id) ? subscriptionAction(o) : { kind: "ignored" };
    case "customer.subscription.deleted":
      return idOf(o.id) ? { kind: "subscription_ended", subscriptionId: idOf(o.id)!, customerId: idOf(o.customer), accountId: int(obj(o.metadata).account_id) } : { kind: "ignored" };
    case "invoice.paid":
    case "invoice.payment_succeeded": {
      const subscriptionId = idOf(o.subscription) ?? idOf(obj(obj(o.parent).subscription_details).subscription);
      if (!idOf(o.id) || !subscriptionId) return { kind: "ignored" };
      const line = firstItem(o.lines);
      const period = obj(line.period);
      return {
        kind: "invoice_paid",
        invoiceId: idOf(o.id)!,
        customerId: idOf(o.customer),
        subscriptionId,
        priceId: idOf(line.price) ?? str(obj(obj(line.pricing).price_details).price),
        periodStart: time(period.start),
        periodEnd: time(period.end),
      };
    }
    default:
      return { kind: "ignored" };
  }
}

/** The SDK pointed at `apiBase` (Stripe itself, or a local stub in tests). */
function stripeClient(config: StripeConfig): Stripe {
  const base = new URL(config.apiBase);
  const protocol = base.protocol === "http:" ? "http" : "https";
  return new Stripe(config.secretKey, { host: base.hostname, port: Number(base.port || (protocol === "http" ? 80 : 443)), protocol, timeout: 20_000, maxNetworkRetries: 1 });
}

/** Stripe's own message for a refused or failed call, as a typed error the wrappers map. */
async function call<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeConnectionError) throw new PaymentProviderError(`Stripe could not be reached: ${error.message}`);
    if (error instanceof Stripe.errors.StripeError) throw new PaymentProviderError(`Stripe refused the request: ${error.message}`);
    throw error;
  }
}

export function createStripeProvider(config: StripeConfig): PaymentProvider {
  const stripe = stripeClient(config);
  return {
    name: "stripe",
    async createCustomer({ accountId, name, email }) {
      // The key makes a double click (or two tabs) create one customer, not two.
      return call(stripe.customers.create({ name, email: email ?? undefined, metadata: { account_id: accountId } }, { idempotencyKey: `account-${accountId}-customer` }));
    },
    async createCheckoutSession({ customerId, priceId, accountId, planId, successUrl, cancelUrl }) {
      const metadata = { account_id: accountId, plan_id: planId };
      const session = await call(
        stripe.checkout.sessions.create({
          mode: "subscription",
          customer: customerId,
          client_reference_id: String(accountId),
          line_items: [{ price: priceId, quantity: 1 }],
          success_url: successUrl,
          cancel_url: cancelUrl,
          metadata,
          subscription_data: { metadata },
        }),
      );
      return { id: session.id, url: session.url ?? "" };
    },
    async changeSubscriptionPrice({ subscriptionId, priceId, accountId, planId }) {
      const current = await call(stripe.subscriptions.retrieve(subscriptionId));
      const itemId = current.items?.data?.[0]?.id;
      const updated = await call(
        stripe.subscriptions.update(subscriptionId, {
          items: [{ id: itemId, price: priceId }],
          proration_behavior: "create_prorations",
          cancel_at_period_end: false,
          metadata: { account_id: accountId, plan_id: planId },
        }),
      );
      return { id: updated.id, status: updated.status };
    },
    async createPortalSession({ customerId, returnUrl }) {
      const session = await call(stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }));
      return { url: session.url };
    },
    parseWebhook(payload, signature): WebhookEvent {
      if (!config.webhookSecret) throw new InvalidWebhookError("Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET.");
      if (!signature) throw new InvalidWebhookError("Invalid Stripe signature: missing Stripe-Signature header.");
      // The SDK refuses old timestamps only; one from the future is refused here too.
      const signedAt = Number(signature.match(/(?:^|,)\s*t=(\d+)/)?.[1]);
      if (signedAt > Date.now() / 1000 + SIGNATURE_TOLERANCE_SECONDS) throw new InvalidWebhookError("Invalid Stripe signature: the timestamp is in the future.");
      let event: unknown;
      try {
        event = stripe.webhooks.constructEvent(payload, signature, config.webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new InvalidWebhookError(`Invalid Stripe signature: ${error.message}`);
        throw new InvalidWebhookError("The payload is not a Stripe event.");
      }
      const parsed = eventSchema.safeParse(event);
      if (!parsed.success) throw new InvalidWebhookError("The payload is not a Stripe event.");
      return { id: parsed.data.id, type: parsed.data.type, createdAt: new Date(parsed.data.created * 1000), action: stripeAction(parsed.data.type, parsed.data.data.object) };
    },
  };
}

/** The header Stripe would send for `payload` (tests and local tooling build signed events with it). */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
