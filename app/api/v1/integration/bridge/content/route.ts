import { apiRoute, paginated } from "@/lib/http/route";
import { bridgeReadyContent } from "@/lib/integration/bridge";
import { bridgeContentQuerySchema } from "@/lib/integration/schemas";
import { bridgeContentResponse } from "@/lib/publishing/responses";
import { listOf } from "@/lib/http/route-meta";

/** Published articles the plugin has not published (or not since their last change). */
export const GET = apiRoute({ summary: "Bridge: articles ready for WordPress", response: listOf(bridgeContentResponse), auth: "site-key", query: bridgeContentQuerySchema }, async ({ ctx, query }) => paginated(await bridgeReadyContent(ctx, query), query));
