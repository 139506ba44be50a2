// Public: Stripe calls it. Trust comes from the signature over the raw body, checked before parsing.
import { handleStripeWebhook } from "@/lib/billing/payments/webhooks";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute({ auth: "public" }, async ({ request }) => handleStripeWebhook(await request.text(), request.headers.get("stripe-signature")));
