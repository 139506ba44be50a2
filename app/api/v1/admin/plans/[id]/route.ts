import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { updatePlanSchema } from "@/lib/plans/schemas";
import { updatePlan } from "@/lib/plans/service";
import { adminPlanResponse } from "@/lib/admin/responses";

export const PATCH = apiRoute({ summary: "Update a plan (developers)", response: adminPlanResponse, auth: "user", permission: "administer", body: updatePlanSchema }, async ({ ctx, params, body }) => updatePlan(ctx, assertValidId(params.id), body));
