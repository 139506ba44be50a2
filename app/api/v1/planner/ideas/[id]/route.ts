import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteIdeas, getIdea, updateIdea } from "@/lib/planner/ideas";
import { updateIdeaRequestSchema } from "@/lib/planner/schemas";
import { ideaResource, ideaResponse } from "@/lib/planner/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a content idea", response: ideaResponse, auth: "user" }, async ({ ctx, params }) => ideaResource(await getIdea(scoped(ctx), assertValidId(params.id))));

const update = apiRoute({ summary: "Update a content idea", response: ideaResponse, auth: "user", body: updateIdeaRequestSchema }, async ({ ctx, params, body }) =>
  ideaResource(await updateIdea(scoped(ctx), ctx, assertValidId(params.id), body)),
);
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a content idea", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteIdeas(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});
