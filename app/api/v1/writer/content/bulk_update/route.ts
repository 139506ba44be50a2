import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { statusMessage } from "@/lib/writer/messages";
import { bulkUpdateContentSchema } from "@/lib/writer/schemas";
import { updateContentsStatus } from "@/lib/writer/service";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Change articles' status", response: countsResponse("updatedCount", "skippedCount"), auth: "user", body: bulkUpdateContentSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await updateContentsStatus(scoped(ctx), ctx, body.ids, body.status);
  return withMessage({ updatedCount: result.updated, skippedCount: result.skipped }, statusMessage(result, body.status));
});
