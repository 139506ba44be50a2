import { apiRoute } from "@/lib/http/route";
import { contentResource, presentingConflict } from "@/lib/writer/responses";
import { applyLinksSchema } from "@/lib/linker/schemas";
import { applyLinkSuggestions } from "@/lib/linker/service";
import { applyLinksResponse } from "@/lib/linker/responses";

/** Inserts the chosen suggestions. With `version`, a stale article answers 409 with `current`. */
export const POST = apiRoute({ summary: "Insert chosen link suggestions", response: applyLinksResponse, auth: "user", body: applyLinksSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await presentingConflict(applyLinkSuggestions(ctx, body));
  return { ...result, content: contentResource(result.content) };
});
