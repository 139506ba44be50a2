import { openBillingPortal } from "@/lib/billing/payments/checkout";
import { apiRoute } from "@/lib/http/route";
import { appOrigin } from "@/lib/http/origin";

export const POST = apiRoute({ auth: "user", permission: "ownAccount" }, async ({ ctx, request }) => openBillingPortal(ctx, appOrigin(request.headers, request.nextUrl.origin)));
