import { adjustAccountCredits } from "@/lib/admin/accounts";
import { assertValidId } from "@/lib/auth/service";
import { adjustCreditsSchema } from "@/lib/billing/schemas";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute({ auth: "user", permission: "administer", body: adjustCreditsSchema, status: 201 }, async ({ ctx, params, body }) =>
  adjustAccountCredits(assertValidId(params.id), body, { id: ctx.userId, email: ctx.user?.email }),
);
