import { apiRoute } from "@/lib/http/route";
import { bridgeReportResult } from "@/lib/integration/bridge";
import { bridgeResultSchema } from "@/lib/integration/schemas";

/** The plugin reports a publish result: post id and URL (or the failure). */
export const POST = apiRoute({ auth: "site-key", body: bridgeResultSchema }, async ({ ctx, body }) => bridgeReportResult(ctx, body));
