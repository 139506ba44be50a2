import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { updatePlanSchema } from "@/lib/plans/schemas";
import { updatePlan } from "@/lib/plans/service";

export const PATCH = apiRoute({ auth: "user", permission: "administer", body: updatePlanSchema }, async ({ ctx, params, body }) => updatePlan(ctx, assertValidId(params.id), body));
