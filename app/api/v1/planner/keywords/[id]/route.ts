import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteKeywords, getKeyword, updateKeyword } from "@/lib/planner/keywords";
import { updateKeywordSchema } from "@/lib/planner/schemas";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getKeyword(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ auth: "user", body: updateKeywordSchema }, async ({ ctx, params, body }) => updateKeyword(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ auth: "user" }, async ({ ctx, params }) => {
  await deleteKeywords(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
