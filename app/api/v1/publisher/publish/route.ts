import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { publishSchema } from "@/lib/publishing/schemas";
import { requestPublish } from "@/lib/publishing/service";
import { publishStartedResponse } from "@/lib/publishing/responses";

/** Publish one article to its destinations (or the site's defaults): 202 with the run id. */
export const POST = apiRoute({ summary: "Publish an article to its destinations (202)", response: publishStartedResponse, auth: "user", body: publishSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const started = await requestPublish(scoped(ctx), ctx, body);
  return withMessage({ taskId: started.runId, records: started.records }, body.scheduledAt ? `Scheduled for ${body.scheduledAt.toISOString()}.` : "Publishing started.");
});
