import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { pageResponse } from "@/lib/site-builder/responses";
import { updatePageSchema } from "@/lib/site-builder/schemas";
import { deletePage, getPage, updatePage } from "@/lib/site-builder/service";

export const GET = apiRoute({ summary: "Get a blueprint page", response: pageResponse, auth: "user" }, async ({ ctx, params }) => getPage(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update a blueprint page (rename, move, reorder, sections)", response: pageResponse, auth: "user", body: updatePageSchema }, async ({ ctx, params, body }) => updatePage(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a blueprint page (its sub-pages move up)", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deletePage(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});
