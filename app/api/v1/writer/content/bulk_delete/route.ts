import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { deleteContentsSchema } from "@/lib/trash/schemas";
import { trashedContentMessage } from "@/lib/writer/messages";
import { deleteContents } from "@/lib/writer/service";
import { trashedContentResponse } from "@/lib/writer/responses";

/** Moves articles to the trash. Published ones need `published_copies`: "unpublish" or "keep". */
export const POST = apiRoute({ summary: "Move articles to the trash", response: trashedContentResponse, auth: "user", body: deleteContentsSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await deleteContents(scoped(ctx), ctx, body.ids, { publishedCopies: body.publishedCopies });
  return withMessage({ deletedCount: result.deleted, unpublishedCount: result.unpublished, unpublishFailures: result.unpublishFailures }, trashedContentMessage(result));
});
