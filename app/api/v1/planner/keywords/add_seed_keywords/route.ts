import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { addSeedKeywords } from "@/lib/planner/keywords";
import { addSeedKeywordsSchema } from "@/lib/planner/schemas";

export const POST = apiRoute({ auth: "user", body: addSeedKeywordsSchema, status: 201 }, async ({ ctx, body }) => addSeedKeywords(scoped(ctx), ctx, body));
