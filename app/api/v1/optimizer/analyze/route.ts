import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { analyzeSchema } from "@/lib/optimizer/schemas";
import { analyze } from "@/lib/optimizer/service";

/** Score (0–100) with every check, for a stored article (content_id) or raw fields. */
export const POST = apiRoute({ auth: "user", body: analyzeSchema }, async ({ ctx, body }) => analyze(scoped(ctx), body));
