import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { testIntegration } from "@/lib/integration/service";
import { connectionTestResponse } from "@/lib/publishing/responses";

export const POST = apiRoute({ summary: "Test the connection to WordPress or Shopify", response: connectionTestResponse, auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  const result = await testIntegration(scoped(ctx), ctx, assertValidId(params.id));
  return withMessage(result, result.ok ? "Connection works." : "The connection has problems: see the checks.");
});
