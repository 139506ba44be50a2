import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { publishToWordPressSchema } from "@/lib/publishing/schemas";
import { publishToWordPress } from "@/lib/publishing/service";

export const POST = apiRoute({ auth: "user", body: publishToWordPressSchema, permission: "write", status: 202 }, async ({ ctx, params, body }) => {
  const started = await publishToWordPress(scoped(ctx), ctx, assertValidId(params.id), body);
  return { taskId: started.runId, records: started.records };
});
