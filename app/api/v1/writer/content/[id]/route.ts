import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { ifMatchVersion } from "@/lib/http/etag";
import { deleteContentQuerySchema } from "@/lib/trash/schemas";
import { updateContentRequestSchema } from "@/lib/writer/schemas";
import { deleteContents, getContent, updateContent } from "@/lib/writer/service";
import { contentResource, contentResponse, presentingConflict } from "@/lib/writer/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get an article", response: contentResponse, auth: "user" }, async ({ ctx, params }) => contentResource(await getContent(scoped(ctx), assertValidId(params.id))));

/**
 * `version` (or `If-Match` with the ETag of a GET) makes the save conditional: a stale one answers 409 with
 * `current`. Without either, the save applies (last write wins). `html` is accepted for `html_content`.
 */
const update = apiRoute({ summary: "Update an article (optimistic concurrency)", response: contentResponse, auth: "user", errors: [409], body: updateContentRequestSchema, permission: "write" }, async ({ ctx, params, body, request }) =>
  contentResource(await presentingConflict(updateContent(scoped(ctx), ctx, assertValidId(params.id), { ...body, version: body.version ?? ifMatchVersion(request) }))),
);
export const PUT = update;
export const PATCH = update;

/** Moves the article to the trash; a published one needs `?published_copies=unpublish|keep`. */
export const DELETE = apiRoute({ summary: "Move an article to the trash", response: z.null(), auth: "user", permission: "write", errors: [400], query: deleteContentQuerySchema }, async ({ ctx, params, query }) => {
  await deleteContents(scoped(ctx), ctx, [assertValidId(params.id)], { publishedCopies: query.publishedCopies });
  return null;
});
