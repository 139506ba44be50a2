import { startPlanChange } from "@/lib/billing/payments/checkout";
import { planChangeSchema } from "@/lib/billing/schemas";
import { apiRoute } from "@/lib/http/route";
import { appOrigin } from "@/lib/http/origin";
import { checkoutResponse } from "@/lib/billing/responses";

export const POST = apiRoute({ summary: "Change plan (Stripe Checkout when payments are on)", response: checkoutResponse, auth: "user", permission: "ownAccount", body: planChangeSchema }, async ({ ctx, body, request }) =>
  startPlanChange(ctx, body.planId, appOrigin(request.headers, request.nextUrl.origin)),
);
