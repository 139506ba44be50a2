import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { addSeedKeywords } from "@/lib/planner/keywords";
import { addSeedKeywordsSchema } from "@/lib/planner/schemas";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Add seed keywords of the sector's industry", response: countsResponse("added", "duplicates"), auth: "user", body: addSeedKeywordsSchema, status: 201 }, async ({ ctx, body }) => addSeedKeywords(scoped(ctx), ctx, body));
