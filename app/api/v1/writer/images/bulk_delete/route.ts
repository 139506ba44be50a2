import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { idsSchema } from "@/lib/http/validation";
import { plural } from "@/lib/writer/lookups";
import { deleteImages } from "@/lib/writer/service";

export const POST = apiRoute({ auth: "user", body: idsSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await deleteImages(scoped(ctx), ctx, body.ids);
  return withMessage({ deletedCount: result.deleted }, `Moved ${plural(result.deleted, "image")} to the trash.`);
});
