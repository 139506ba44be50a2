import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { plural } from "@/lib/writer/lookups";
import { bulkUpdateTasksSchema } from "@/lib/writer/schemas";
import { updateTasksStatus } from "@/lib/writer/service";

export const POST = apiRoute({ auth: "user", body: bulkUpdateTasksSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await updateTasksStatus(scoped(ctx), ctx, body.ids, body.status);
  return withMessage({ updatedCount: result.updated }, `${plural(result.updated, "task")} updated.`);
});
