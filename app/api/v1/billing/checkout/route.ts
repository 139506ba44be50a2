import { startPlanChange } from "@/lib/billing/payments/checkout";
import { planChangeSchema } from "@/lib/billing/schemas";
import { apiRoute } from "@/lib/http/route";
import { appOrigin } from "@/lib/http/origin";

export const POST = apiRoute({ auth: "user", permission: "ownAccount", body: planChangeSchema }, async ({ ctx, body, request }) =>
  startPlanChange(ctx, body.planId, appOrigin(request.headers, request.nextUrl.origin)),
);
