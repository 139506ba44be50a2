import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateMemberSchema } from "@/lib/team/schemas";
import { removeMember, updateMember } from "@/lib/team/service";

export const PATCH = apiRoute({ auth: "user", body: updateMemberSchema }, async ({ ctx, params, body }) =>
  updateMember(scoped(ctx), ctx, assertValidId(params.id), body),
);

export const DELETE = apiRoute({ auth: "user" }, async ({ ctx, params }) => {
  await removeMember(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});
