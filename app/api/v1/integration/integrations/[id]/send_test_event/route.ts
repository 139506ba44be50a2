import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { sendTestEvent } from "@/lib/integration/webhooks";
import { testEventResponse } from "@/lib/publishing/responses";

export const POST = apiRoute({ summary: "Send a signed test event to a webhook integration", response: testEventResponse, auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  const result = await sendTestEvent(scoped(ctx), ctx, assertValidId(params.id));
  return withMessage(result, result.ok ? `The endpoint accepted the test event (${result.delivery.statusCode}).` : `The test event failed: ${result.delivery.error}`);
});
