import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateImageSchema } from "@/lib/writer/schemas";
import { deleteImages, getImage, updateImage } from "@/lib/writer/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getImage(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ auth: "user", body: updateImageSchema, permission: "write" }, async ({ ctx, params, body }) =>
  updateImage(scoped(ctx), ctx, assertValidId(params.id), body),
);
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteImages(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
