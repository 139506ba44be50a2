// The payment-provider interface. The app talks to a provider only through this: start a
// checkout for a plan, change an existing subscription's plan, open the customer portal, and
// turn a verified webhook into one of a few provider-neutral events (applied by webhooks.ts).
import { AppError } from "@/lib/errors";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

export type CheckoutInput = { customerId: string; priceId: string; accountId: number; planId: number; successUrl: string; cancelUrl: string };

export interface PaymentProvider {
  readonly name: string;
  createCustomer(input: { accountId: number; name: string; email: string | null }): Promise<{ id: string }>;
  createCheckoutSession(input: CheckoutInput): Promise<{ id: string; url: string }>;
  /** Moves an existing subscription to another price (prorated); the webhook then confirms it. */
  changeSubscriptionPrice(input: { subscriptionId: string; priceId: string; accountId: number; planId: number }): Promise<{ id: string; status: string }>;
  createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** Verifies the signature and parses the payload; throws InvalidWebhookError when either fails. */
  parseWebhook(payload: string, signature: string | null): WebhookEvent;
}

type Period = { periodStart: Date | null; periodEnd: Date | null };

/** What a webhook means for us, whatever the provider. Hints may be missing; the handler resolves them. */
export type PaymentAction =
  | { kind: "checkout_completed"; customerId: string | null; subscriptionId: string | null; accountId: number | null; planId: number | null }
  | ({ kind: "subscription_changed"; subscriptionId: string; customerId: string | null; accountId: number | null; planId: number | null; priceId: string | null; status: SubscriptionStatus; cancelAtPeriodEnd: boolean } & Period)
  | { kind: "subscription_ended"; subscriptionId: string; customerId: string | null; accountId: number | null }
  | ({ kind: "invoice_paid"; invoiceId: string; customerId: string | null; subscriptionId: string | null; priceId: string | null } & Period)
  | { kind: "ignored" };

export type WebhookEvent = { id: string; type: string; createdAt: Date; action: PaymentAction };

/** Bad or expired signature, or a payload that is not an event: answered 400, nothing changes. */
export class InvalidWebhookError extends AppError {
  readonly status = 400;
  readonly code = "invalid_webhook";
}

/** The provider refused a request or could not be reached. */
export class PaymentProviderError extends AppError {
  readonly status = 502;
  readonly code = "payment_provider_error";
}
