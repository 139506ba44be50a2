// REST response schemas of accounts, users, team and sign-in (the API description and contract
// tests read them).
import { z } from "zod";
import { AccountModel, AccountStatusSchema, UserRoleSchema } from "@/lib/generated/model-schemas";

const id = z.number().int();

export const sessionUserResponse = z.object({ id, email: z.string(), name: z.string(), accountId: id, role: UserRoleSchema });

export const tokenResponse = z.object({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("seconds"),
  expiresAt: z.date(),
  user: sessionUserResponse,
});

export const registerResponse = z.object({ user: sessionUserResponse, account: AccountModel });

export const profileResponse = z.object({
  user: z.object({ id, email: z.string(), name: z.string(), role: UserRoleSchema }).nullable(),
  account: z.object({ id, name: z.string(), slug: z.string(), status: AccountStatusSchema, credits: z.number().int(), isSystem: z.boolean() }),
  plan: z.object({ id, name: z.string(), slug: z.string() }),
});

export const accountSettingsResponse = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  status: AccountStatusSchema,
  credits: z.number().int(),
  plan: z.object({ id, name: z.string(), slug: z.string() }),
  owner: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  createdAt: z.date(),
  transferCandidates: z.array(z.object({ id, name: z.string(), email: z.string(), role: UserRoleSchema })),
});

export const memberResponse = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: z.string(),
  isActive: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  sites: z.array(z.object({ id, name: z.string() })),
});

export const invitationResponse = z.object({
  id,
  email: z.string(),
  role: z.string(),
  siteIds: z.array(id),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const invitationCreatedResponse = z.object({
  invitation: invitationResponse,
  inviteUrl: z.string().describe("The link to send (also emailed to the invitee)."),
});

export const acceptedInvitationResponse = z.object({ id, email: z.string(), name: z.string(), role: UserRoleSchema, accountId: id });

export const industryResponse = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  sectors: z.array(z.object({ id, name: z.string(), slug: z.string(), description: z.string() })),
});
