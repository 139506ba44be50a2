import { apiRoute, paginated } from "@/lib/http/route";
import { createPlanSchema } from "@/lib/plans/schemas";
import { createPlan, listAllPlans } from "@/lib/plans/service";
import { adminPlanResponse } from "@/lib/admin/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

export const GET = apiRoute({ summary: "List every plan with its number of accounts (developers)", response: listOf(adminPlanResponse), auth: "user", permission: "administer", query: pageQuerySchema }, async ({ ctx, query }) => paginated(pageOf(await listAllPlans(ctx), query), query));

export const POST = apiRoute({ summary: "Create a plan (developers)", response: adminPlanResponse, auth: "user", permission: "administer", body: createPlanSchema, status: 201 }, async ({ ctx, body }) => createPlan(ctx, body));
