import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { addKeywordLines } from "@/lib/planner/keywords";
import { addKeywordLinesSchema } from "@/lib/planner/schemas";
import { lineImportResponse } from "@/lib/planner/responses";

/** Many keywords at once: `text` holds one keyword per line (optionally `keyword, volume, difficulty`). */
export const POST = apiRoute({ summary: "Add keywords, one per line", response: lineImportResponse, auth: "user", body: addKeywordLinesSchema, status: 201 }, async ({ ctx, body }) => addKeywordLines(scoped(ctx), ctx, body));
