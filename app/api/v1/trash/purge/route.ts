import { scoped } from "@/lib/db/scoped";
import { purgedResponse } from "@/lib/trash/responses";
import { apiRoute, withMessage } from "@/lib/http/route";
import { trashEntryIdsSchema } from "@/lib/trash/schemas";
import { purgeTrash } from "@/lib/trash/service";
import { plural } from "@/lib/writer/lookups";

/** Deletes trash entries' items forever (owners and admins). */
export const POST = apiRoute({ summary: "Delete trash items forever", response: purgedResponse, auth: "user", body: trashEntryIdsSchema, permission: "manageAccount" }, async ({ ctx, body }) => {
  const { purged } = await purgeTrash(scoped(ctx), ctx, body.ids);
  return withMessage({ purgedCount: purged }, `Deleted ${plural(purged, "item")} forever.`);
});
