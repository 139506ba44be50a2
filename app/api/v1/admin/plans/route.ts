import { apiRoute } from "@/lib/http/route";
import { createPlanSchema } from "@/lib/plans/schemas";
import { createPlan, listAllPlans } from "@/lib/plans/service";

export const GET = apiRoute({ auth: "user", permission: "administer" }, async ({ ctx }) => listAllPlans(ctx));

export const POST = apiRoute({ auth: "user", permission: "administer", body: createPlanSchema, status: 201 }, async ({ ctx, body }) => createPlan(ctx, body));
