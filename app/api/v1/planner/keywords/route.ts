import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createKeyword, listKeywords } from "@/lib/planner/keywords";
import { createKeywordSchema, keywordListQuerySchema } from "@/lib/planner/schemas";
import { keywordResponse } from "@/lib/planner/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List keywords", response: listOf(keywordResponse), auth: "user", query: keywordListQuerySchema }, async ({ ctx, query }) => paginated(await listKeywords(scoped(ctx), query), query));

export const POST = apiRoute({ summary: "Create a keyword", response: keywordResponse, auth: "user", body: createKeywordSchema, status: 201 }, async ({ ctx, body }) => createKeyword(scoped(ctx), ctx, body));
