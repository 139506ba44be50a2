import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { testIntegration } from "@/lib/integration/service";

export const POST = apiRoute({ auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  const result = await testIntegration(scoped(ctx), ctx, assertValidId(params.id));
  return withMessage(result, result.ok ? "Connection works." : "The connection has problems: see the checks.");
});
