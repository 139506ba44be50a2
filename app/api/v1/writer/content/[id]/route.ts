import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteContentQuerySchema } from "@/lib/trash/schemas";
import { updateContentSchema } from "@/lib/writer/schemas";
import { deleteContents, getContent, updateContent } from "@/lib/writer/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getContent(scoped(ctx), assertValidId(params.id)));

/** Needs `version`: the version the client edited. A stale one answers 409 with `current`. */
const update = apiRoute({ auth: "user", body: updateContentSchema, permission: "write" }, async ({ ctx, params, body }) =>
  updateContent(scoped(ctx), ctx, assertValidId(params.id), body),
);
export const PUT = update;
export const PATCH = update;

/** Moves the article to the trash; a published one needs `?published_copies=unpublish|keep`. */
export const DELETE = apiRoute({ auth: "user", permission: "write", query: deleteContentQuerySchema }, async ({ ctx, params, query }) => {
  await deleteContents(scoped(ctx), ctx, [assertValidId(params.id)], { publishedCopies: query.publishedCopies });
  return null;
});
