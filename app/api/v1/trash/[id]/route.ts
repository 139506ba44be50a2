import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { purgeTrash } from "@/lib/trash/service";

/** Deletes one trash entry's item forever (owners and admins). */
export const DELETE = apiRoute({ summary: "Delete one trash item forever", response: z.null(), auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  await purgeTrash(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
