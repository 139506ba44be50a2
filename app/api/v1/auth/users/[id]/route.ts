import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateMemberSchema } from "@/lib/team/schemas";
import { removeMember, updateMember } from "@/lib/team/service";
import { memberResponse } from "@/lib/auth/responses";
import { z } from "zod";

export const PATCH = apiRoute({ summary: "Change a member's role, status or site access", response: memberResponse, auth: "user", body: updateMemberSchema }, async ({ ctx, params, body }) =>
  updateMember(scoped(ctx), ctx, assertValidId(params.id), body),
);

export const DELETE = apiRoute({ summary: "Remove a member", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await removeMember(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});
