import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { idsSchema } from "@/lib/http/validation";
import { deleteIdeas } from "@/lib/planner/ideas";

export const POST = apiRoute({ auth: "user", body: idsSchema }, async ({ ctx, body }) => ({ deleted: await deleteIdeas(scoped(ctx), ctx, body.ids) }));
