import { assignPlan } from "@/lib/admin/accounts";
import { assignPlanBodySchema } from "@/lib/admin/schemas";
import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute({ auth: "user", permission: "administer", body: assignPlanBodySchema }, async ({ ctx, params, body }) =>
  assignPlan(assertValidId(params.id), body.planId, { grantCredits: body.grantCredits, byUserId: ctx.userId }),
);
