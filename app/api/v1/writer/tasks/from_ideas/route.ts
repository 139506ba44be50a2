import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { queueMessage } from "@/lib/writer/messages";
import { queueIdeasSchema } from "@/lib/writer/schemas";
import { queueIdeasToWriter } from "@/lib/writer/service";
import { queueResponse } from "@/lib/writer/responses";

/** Planner → Writer: one task per idea, never twice for the same idea. */
export const POST = apiRoute({ summary: "Queue content ideas as writing tasks", response: queueResponse, auth: "user", body: queueIdeasSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await queueIdeasToWriter(scoped(ctx), ctx, body.ids);
  return withMessage(result, queueMessage(result));
});
