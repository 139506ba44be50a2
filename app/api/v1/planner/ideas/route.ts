import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { createIdea, listIdeas } from "@/lib/planner/ideas";
import { createIdeaSchema, ideaListQuerySchema } from "@/lib/planner/schemas";

export const GET = apiRoute({ auth: "user", query: ideaListQuerySchema }, async ({ ctx, query }) => paginated(await listIdeas(scoped(ctx), query), query));

export const POST = apiRoute({ auth: "user", body: createIdeaSchema, status: 201 }, async ({ ctx, body }) => createIdea(scoped(ctx), ctx, body));
