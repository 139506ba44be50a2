import { assignPlan } from "@/lib/admin/accounts";
import { assignPlanBodySchema } from "@/lib/admin/schemas";
import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { accountResponse } from "@/lib/billing/responses";

export const POST = apiRoute({ summary: "Assign an account's plan (developers)", response: accountResponse, auth: "user", permission: "administer", body: assignPlanBodySchema }, async ({ ctx, params, body }) =>
  assignPlan(assertValidId(params.id), body.planId, { grantCredits: body.grantCredits, byUserId: ctx.userId }),
);
