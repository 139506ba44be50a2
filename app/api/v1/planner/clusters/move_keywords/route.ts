import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { moveKeywords } from "@/lib/planner/clusters";
import { moveKeywordsSchema } from "@/lib/planner/schemas";

export const POST = apiRoute({ auth: "user", body: moveKeywordsSchema }, async ({ ctx, body }) => moveKeywords(scoped(ctx), ctx, body));
