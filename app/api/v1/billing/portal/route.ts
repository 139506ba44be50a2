import { openBillingPortal } from "@/lib/billing/payments/checkout";
import { apiRoute } from "@/lib/http/route";
import { appOrigin } from "@/lib/http/origin";
import { portalResponse } from "@/lib/billing/responses";

export const POST = apiRoute({ summary: "Open Stripe's customer portal", response: portalResponse, auth: "user", permission: "ownAccount" }, async ({ ctx, request }) => openBillingPortal(ctx, appOrigin(request.headers, request.nextUrl.origin)));
