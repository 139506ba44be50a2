import { scoped } from "@/lib/db/scoped";
import { restoredResponse } from "@/lib/trash/responses";
import { apiRoute, withMessage } from "@/lib/http/route";
import { trashEntryIdsSchema } from "@/lib/trash/schemas";
import { restoreTrash } from "@/lib/trash/service";
import { plural } from "@/lib/writer/lookups";

/** `{ ids }` of trash entries. All or nothing: an unknown id is a 404, a plan limit a 403, before anything changes. */
export const POST = apiRoute({ summary: "Restore items from the trash", response: restoredResponse, errors: [403], auth: "user", body: trashEntryIdsSchema, permission: "write" }, async ({ ctx, body }) => {
  const report = await restoreTrash(scoped(ctx), ctx, body.ids);
  return withMessage({ restoredCount: report.restored, byType: report.byType, notes: report.notes }, `Restored ${plural(report.restored, "item")}.`);
});
