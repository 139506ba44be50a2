import { apiRoute } from "@/lib/http/route";
import { idSchema, parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { deleteAuthorProfile, getAuthorProfile, updateAuthorProfile } from "@/lib/settings/authors";
import { updateAuthorProfileSchema } from "@/lib/settings/schemas";
import { authorProfileResponse } from "@/lib/settings/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get an author profile", response: authorProfileResponse, auth: "user" }, async ({ ctx, params }) => getAuthorProfile(scoped(ownAccount(ctx)), parseInput(idSchema, params.id)));
const update = apiRoute({ summary: "Update an author profile", response: authorProfileResponse, auth: "user", body: updateAuthorProfileSchema, permission: "write" }, async ({ ctx, params, body }) =>
  updateAuthorProfile(scoped(ownAccount(ctx)), ctx, parseInput(idSchema, params.id), body),
);
export const PUT = update;
export const PATCH = update;
export const DELETE = apiRoute({ summary: "Delete an author profile", response: z.null(), auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteAuthorProfile(scoped(ownAccount(ctx)), ctx, parseInput(idSchema, params.id));
  return null;
});
