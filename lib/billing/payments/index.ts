// Which payment provider this installation uses: Stripe when STRIPE_SECRET_KEY is set, otherwise
// none (plans are assigned and credits granted by an administrator).
import { env } from "@/lib/config/env";
import { createStripeProvider } from "./stripe";
import type { PaymentProvider } from "./types";

export const DEFAULT_STRIPE_API_BASE = "https://api.stripe.com";

/** Read on every call, so tests and a restarted process pick up changed keys. */
export function paymentProvider(): PaymentProvider | null {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (!secretKey) return null;
  return createStripeProvider({ secretKey, webhookSecret: env.STRIPE_WEBHOOK_SECRET || null, apiBase: env.STRIPE_API_BASE || DEFAULT_STRIPE_API_BASE });
}

export function paymentsEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

export type { PaymentProvider, PaymentAction, WebhookEvent } from "./types";
