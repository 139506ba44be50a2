import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { blueprintDetailResponse } from "@/lib/site-builder/responses";
import { updateBlueprintSchema } from "@/lib/site-builder/schemas";
import { blueprintPages, deleteBlueprint, getBlueprint, updateBlueprint } from "@/lib/site-builder/service";

async function detail(db: ReturnType<typeof scoped>, id: number) {
  const blueprint = await getBlueprint(db, id);
  return { ...blueprint, pages: await blueprintPages(db, id) };
}

export const GET = apiRoute({ summary: "Get a site blueprint with its pages", response: blueprintDetailResponse, auth: "user" }, async ({ ctx, params }) => detail(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update a site blueprint", response: blueprintDetailResponse, auth: "user", body: updateBlueprintSchema }, async ({ ctx, params, body }) => {
  const db = scoped(ctx);
  const id = assertValidId(params.id);
  await updateBlueprint(db, ctx, id, body);
  return detail(db, id);
});
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a site blueprint", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteBlueprint(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});
