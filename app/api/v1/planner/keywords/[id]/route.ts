import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteKeywords, getKeyword, updateKeyword } from "@/lib/planner/keywords";
import { updateKeywordSchema } from "@/lib/planner/schemas";
import { keywordResponse } from "@/lib/planner/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a keyword", response: keywordResponse, auth: "user" }, async ({ ctx, params }) => getKeyword(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update a keyword", response: keywordResponse, auth: "user", body: updateKeywordSchema }, async ({ ctx, params, body }) => updateKeyword(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a keyword", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteKeywords(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
