import { apiRoute } from "@/lib/http/route";
import { contentResource, presentingConflict } from "@/lib/writer/responses";
import { undoLinksSchema } from "@/lib/linker/schemas";
import { undoLinks } from "@/lib/linker/service";
import { undoLinksResponse } from "@/lib/linker/responses";

/** Removes links the linker added (by ids, or every link of a batch run). */
export const POST = apiRoute({ summary: "Remove links the linker added", response: undoLinksResponse, auth: "user", body: undoLinksSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await presentingConflict(undoLinks(ctx, body));
  return { ...result, content: result.content && contentResource(result.content) };
});
