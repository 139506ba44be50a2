import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { idsSchema } from "@/lib/http/validation";
import { plural } from "@/lib/writer/lookups";
import { deleteTasks } from "@/lib/writer/service";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Delete writing tasks", response: countsResponse("deletedCount"), auth: "user", body: idsSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await deleteTasks(scoped(ctx), ctx, body.ids);
  return withMessage({ deletedCount: result.deleted }, `Moved ${plural(result.deleted, "task")} to the trash.`);
});
