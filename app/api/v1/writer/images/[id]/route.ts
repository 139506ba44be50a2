import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateImageRequestSchema } from "@/lib/writer/schemas";
import { deleteImages, getImage, updateImage } from "@/lib/writer/service";
import { imageResource, imageResponse } from "@/lib/writer/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get an image", response: imageResponse, auth: "user" }, async ({ ctx, params }) => imageResource(await getImage(scoped(ctx), assertValidId(params.id))));

const update = apiRoute({ summary: "Update an image's prompt, alt text or caption", response: imageResponse, auth: "user", body: updateImageRequestSchema, permission: "write" }, async ({ ctx, params, body }) =>
  imageResource(await updateImage(scoped(ctx), ctx, assertValidId(params.id), body)),
);
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete an image", response: z.null(), auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteImages(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
