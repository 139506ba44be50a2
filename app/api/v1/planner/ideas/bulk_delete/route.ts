import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { idsSchema } from "@/lib/http/validation";
import { deleteIdeas } from "@/lib/planner/ideas";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Delete content ideas", response: countsResponse("deleted"), auth: "user", body: idsSchema }, async ({ ctx, body }) => ({ deleted: await deleteIdeas(scoped(ctx), ctx, body.ids) }));
