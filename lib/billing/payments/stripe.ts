// The Stripe implementation of the payment-provider interface: Checkout (subscription mode) for a
// plan's price, plan changes on an existing subscription, the customer portal, and webhooks.
// Webhook payloads are read defensively: fields moved between Stripe API versions (a
// subscription's period went onto its items; an invoice's subscription under `parent`), and we
// accept both shapes.
import { z } from "zod";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { verifyStripeSignature } from "./signature";
import { stripeApi } from "./stripe-api";
import { InvalidWebhookError, type PaymentAction, type PaymentProvider, type WebhookEvent } from "./types";

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

export function createStripeProvider(config: StripeConfig): PaymentProvider {
  const api = stripeApi({ secretKey: config.secretKey, apiBase: config.apiBase });
  return {
    name: "stripe",
    async createCustomer({ accountId, name, email }) {
      // The key makes a double click (or two tabs) create one customer, not two.
      return api.post<{ id: string }>("/v1/customers", { name, email: email ?? undefined, metadata: { account_id: accountId } }, `account-${accountId}-customer`);
    },
    async createCheckoutSession({ customerId, priceId, accountId, planId, successUrl, cancelUrl }) {
      const metadata = { account_id: accountId, plan_id: planId };
      return api.post<{ id: string; url: string }>("/v1/checkout/sessions", {
        mode: "subscription",
        customer: customerId,
        client_reference_id: String(accountId),
        line_items: [{ price: priceId, quantity: 1 }],
        success_url: successUrl,
        cancel_url: cancelUrl,
        metadata,
        subscription_data: { metadata },
      });
    },
    async changeSubscriptionPrice({ subscriptionId, priceId, accountId, planId }) {
      const current = await api.get<{ items?: { data?: { id: string }[] } }>(`/v1/subscriptions/${encodeURIComponent(subscriptionId)}`);
      const itemId = current.items?.data?.[0]?.id;
      return api.post<{ id: string; status: string }>(`/v1/subscriptions/${encodeURIComponent(subscriptionId)}`, {
        items: [{ id: itemId, price: priceId }],
        proration_behavior: "create_prorations",
        cancel_at_period_end: false,
        metadata: { account_id: accountId, plan_id: planId },
      });
    },
    async createPortalSession({ customerId, returnUrl }) {
      return api.post<{ url: string }>("/v1/billing_portal/sessions", { customer: customerId, return_url: returnUrl });
    },
    parseWebhook(payload, signature): WebhookEvent {
      if (!config.webhookSecret) throw new InvalidWebhookError("Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET.");
      const check = verifyStripeSignature(payload, signature, config.webhookSecret);
      if (!check.ok) throw new InvalidWebhookError(`Invalid Stripe signature: ${check.reason}`);
      let parsed: z.infer<typeof eventSchema>;
      try {
        parsed = eventSchema.parse(JSON.parse(payload));
      } catch {
        throw new InvalidWebhookError("The payload is not a Stripe event.");
      }
      return { id: parsed.id, type: parsed.type, createdAt: new Date(parsed.created * 1000), action: stripeAction(parsed.type, parsed.data.object) };
    },
  };
}
