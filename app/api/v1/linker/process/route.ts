import { apiRoute } from "@/lib/http/route";
import { processLinksSchema } from "@/lib/linker/schemas";
import { processContent } from "@/lib/linker/service";
import { processLinksResponse } from "@/lib/linker/responses";

/** Suggestions for one article (and, with include_incoming, links to it from older articles). */
export const POST = apiRoute({ summary: "Internal-link suggestions for one article", response: processLinksResponse, auth: "user", body: processLinksSchema }, async ({ ctx, body }) => processContent(ctx, body));
