import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { presentList } from "@/lib/http/validation";
import { createIdea, listIdeas } from "@/lib/planner/ideas";
import { createIdeaRequestSchema, ideaListQuerySchema } from "@/lib/planner/schemas";
import { ideaResource, ideaResponse } from "@/lib/planner/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List content ideas", response: listOf(ideaResponse), auth: "user", query: ideaListQuerySchema }, async ({ ctx, query }) => paginated(presentList(await listIdeas(scoped(ctx), query), ideaResource), query));

export const POST = apiRoute({ summary: "Create a content idea", response: ideaResponse, auth: "user", body: createIdeaRequestSchema, status: 201 }, async ({ ctx, body }) => ideaResource(await createIdea(scoped(ctx), ctx, body)));
