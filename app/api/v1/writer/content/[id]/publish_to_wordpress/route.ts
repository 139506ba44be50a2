import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { publishToWordPressSchema } from "@/lib/publishing/schemas";
import { publishToWordPress } from "@/lib/publishing/service";
import { publishStartedResponse } from "@/lib/publishing/responses";

export const POST = apiRoute({ summary: "Publish an article to WordPress (202)", response: publishStartedResponse, auth: "user", body: publishToWordPressSchema, permission: "write", status: 202 }, async ({ ctx, params, body }) => {
  const started = await publishToWordPress(scoped(ctx), ctx, assertValidId(params.id), body);
  return { taskId: started.runId, records: started.records };
});
