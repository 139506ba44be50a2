import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { moveKeywords } from "@/lib/planner/clusters";
import { moveKeywordsSchema } from "@/lib/planner/schemas";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Move keywords between clusters", response: countsResponse("moved"), auth: "user", body: moveKeywordsSchema }, async ({ ctx, body }) => moveKeywords(scoped(ctx), ctx, body));
