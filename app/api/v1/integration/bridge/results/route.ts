import { apiRoute } from "@/lib/http/route";
import { bridgeReportResult } from "@/lib/integration/bridge";
import { bridgeResultSchema } from "@/lib/integration/schemas";
import { bridgeResultResponse } from "@/lib/publishing/responses";

/** The plugin reports a publish result: post id and URL (or the failure). */
export const POST = apiRoute({ summary: "Bridge: report a publish result", response: bridgeResultResponse, auth: "site-key", body: bridgeResultSchema }, async ({ ctx, body }) => bridgeReportResult(ctx, body));
