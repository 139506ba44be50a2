"use server";

import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { acceptInvitationSchema, inviteMemberSchema, updateMemberSchema } from "./schemas";
import { acceptInvitation, inviteMember, removeMember, revokeInvitation, updateMember } from "./service";

export const inviteMemberAction = defineAction({ schema: inviteMemberSchema, revalidate: "/settings/team" }, async (ctx, input) =>
  withToast(await inviteMember(scoped(ctx), ctx, input), `Invitation for ${input.email} created. Share the link with them.`),
);

export const revokeInvitationAction = defineAction({ schema: z.object({ id: idSchema }), revalidate: "/settings/team" }, async (ctx, { id }) => {
  await revokeInvitation(scoped(ctx), ctx, id);
  return withToast(null, "Invitation revoked.");
});

export const updateMemberAction = defineAction({ schema: updateMemberSchema.extend({ id: idSchema }), revalidate: "/settings/team" }, async (ctx, { id, ...input }) =>
  withToast(await updateMember(scoped(ctx), ctx, id, input), "Member updated."),
);

export const removeMembersAction = defineAction({ schema: z.object({ ids: z.array(idSchema).min(1).max(100) }), revalidate: "/settings/team" }, async (ctx, { ids }) => {
  const db = scoped(ctx);
  for (const id of ids) await removeMember(db, ctx, id);
  return withToast(null, `${ids.length} member${ids.length === 1 ? "" : "s"} removed.`);
});

export const acceptInvitationAction = defineAction({ schema: acceptInvitationSchema, public: true }, async (_ctx, input) => {
  const user = await acceptInvitation(input);
  await signIn("credentials", { email: user.email, password: input.password, redirectTo: "/" });
});
