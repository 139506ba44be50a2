import { adjustAccountCredits } from "@/lib/admin/accounts";
import { assertValidId } from "@/lib/auth/service";
import { adjustCreditsSchema } from "@/lib/billing/schemas";
import { apiRoute } from "@/lib/http/route";
import { adjustCreditsResponse } from "@/lib/billing/responses";

export const POST = apiRoute({ summary: "Add or remove credits of an account (developers)", response: adjustCreditsResponse, auth: "user", permission: "administer", body: adjustCreditsSchema, status: 201 }, async ({ ctx, params, body }) =>
  adjustAccountCredits(assertValidId(params.id), body, { id: ctx.userId, email: ctx.user?.email }),
);
