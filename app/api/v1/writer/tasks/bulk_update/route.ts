import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { plural } from "@/lib/writer/lookups";
import { bulkUpdateTasksSchema } from "@/lib/writer/schemas";
import { updateTasksStatus } from "@/lib/writer/service";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Change tasks' status", response: countsResponse("updatedCount"), auth: "user", body: bulkUpdateTasksSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await updateTasksStatus(scoped(ctx), ctx, body.ids, body.status);
  return withMessage({ updatedCount: result.updated }, `${plural(result.updated, "task")} updated.`);
});
