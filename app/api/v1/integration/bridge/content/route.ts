import { apiRoute, paginated } from "@/lib/http/route";
import { bridgeReadyContent } from "@/lib/integration/bridge";
import { bridgeContentQuerySchema } from "@/lib/integration/schemas";

/** Published articles the plugin has not published (or not since their last change). */
export const GET = apiRoute({ auth: "site-key", query: bridgeContentQuerySchema }, async ({ ctx, query }) => paginated(await bridgeReadyContent(ctx, query), query));
