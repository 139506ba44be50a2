import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createKeyword, listKeywords } from "@/lib/planner/keywords";
import { createKeywordSchema, keywordListQuerySchema } from "@/lib/planner/schemas";

export const GET = apiRoute({ auth: "user", query: keywordListQuerySchema }, async ({ ctx, query }) => paginated(await listKeywords(scoped(ctx), query), query));

export const POST = apiRoute({ auth: "user", body: createKeywordSchema, status: 201 }, async ({ ctx, body }) => createKeyword(scoped(ctx), ctx, body));
