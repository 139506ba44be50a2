import { z } from "zod";
import { INVITABLE_ROLES } from "@/lib/auth/permissions";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { idSchema, listQuerySchema } from "@/lib/http/validation";

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(INVITABLE_ROLES, { error: "Choose admin, editor or viewer." }),
  siteIds: z.array(idSchema).max(500).default([]),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, "Your name is required.").max(120),
  password: newPasswordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const updateMemberSchema = z.object({
  role: z.enum(INVITABLE_ROLES).optional(),
  siteIds: z.array(idSchema).max(500).optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const listMembersQuerySchema = listQuerySchema.extend({
  role: z.enum(["owner", "admin", "editor", "viewer", "developer", "system_bot"]).optional(),
});
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;
