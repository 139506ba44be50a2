import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteIdeas, getIdea, updateIdea } from "@/lib/planner/ideas";
import { updateIdeaSchema } from "@/lib/planner/schemas";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getIdea(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ auth: "user", body: updateIdeaSchema }, async ({ ctx, params, body }) => updateIdea(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ auth: "user" }, async ({ ctx, params }) => {
  await deleteIdeas(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
