import { apiRoute } from "@/lib/http/route";
import { applyLinksSchema } from "@/lib/linker/schemas";
import { applyLinkSuggestions } from "@/lib/linker/service";

/** Inserts the chosen suggestions. With `version`, a stale article answers 409 with `current`. */
export const POST = apiRoute({ auth: "user", body: applyLinksSchema, permission: "write" }, async ({ ctx, body }) => applyLinkSuggestions(ctx, body));
