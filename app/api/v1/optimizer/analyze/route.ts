import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { analyzeSchema } from "@/lib/optimizer/schemas";
import { analyze } from "@/lib/optimizer/service";
import { analysisResponse } from "@/lib/linker/responses";

/** Score (0–100) with every check, for a stored article (content_id) or raw fields. */
export const POST = apiRoute({ summary: "Score an article (0–100) with every check", response: analysisResponse, auth: "user", body: analyzeSchema }, async ({ ctx, body }) => analyze(scoped(ctx), body));
