// Public: Stripe calls it. Trust comes from the signature over the raw body, checked before parsing.
import { handleStripeWebhook } from "@/lib/billing/payments/webhooks";
import { apiRoute } from "@/lib/http/route";
import { webhookResponse } from "@/lib/billing/responses";

export const POST = apiRoute({ summary: "Stripe webhook (signed by Stripe)", response: webhookResponse, auth: "public" }, async ({ request }) => handleStripeWebhook(await request.text(), request.headers.get("stripe-signature")));
