// Team basics: members of the account, invitations by link (no email needed), roles, and which
// sites editors and viewers may see (SiteUserAccess).
import { createHash, randomBytes } from "node:crypto";
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { rootDb } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appBaseUrl } from "@/lib/http/origin";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/mailer";
import { assertWithinLimit, checkLimit, limitError } from "@/lib/plans/limits";
import type { AcceptInvitationInput, InviteMemberInput, ListMembersQuery, UpdateMemberInput } from "./schemas";

const INVITATION_TTL_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type MemberDto = {
  id: number;
  email: string;
  name: string;
  role: string;
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  sites: { id: number; name: string }[];
};

const MEMBER_ORDERING = ["name", "email", "role", "createdAt", "lastLoginAt"] as const;

export async function listMembers(db: ScopedDb, ctx: AppContext, query: ListMembersQuery): Promise<Paginated<MemberDto>> {
  const where: Prisma.UserWhereInput = {
    accountId: ctx.accountId,
    ...(query.role ? { role: query.role } : {}),
    ...(query.search ? { OR: [{ name: { contains: query.search, mode: "insensitive" } }, { email: { contains: query.search, mode: "insensitive" } }] } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, MEMBER_ORDERING, "createdAt");
  const [count, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      // Editors and viewers see a teammate's grants only for sites they may see themselves.
      include: { siteAccess: { where: visibleSitesFilter(ctx), include: { site: { select: { id: true, name: true } } } } },
    }),
  ]);
  return {
    count,
    results: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      isActive: u.isActive,
      lastLoginAt: u.lastLoginAt,
      createdAt: u.createdAt,
      sites: u.siteAccess.map((a) => a.site),
    })),
  };
}

function visibleSitesFilter(ctx: AppContext): Prisma.SiteUserAccessWhereInput {
  return ctx.siteAccess === "account" ? {} : { siteId: { in: ctx.siteAccess } };
}

async function assertOwnSites(db: ScopedDb, ctx: AppContext, siteIds: number[]) {
  if (!siteIds.length) return;
  const found = await db.site.count({ where: { id: { in: siteIds }, accountId: ctx.accountId } });
  if (found !== new Set(siteIds).size) throw new NotFoundError("Site");
}

export async function inviteMember(db: ScopedDb, ctx: AppContext, input: InviteMemberInput) {
  assertCan(ctx.role, "manageAccount");
  await assertOwnSites(db, ctx, input.siteIds);
  if (await rootDb().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ConflictError("This email already belongs to a user.", { email: ["This email already belongs to a user."] });
  }
  const pending = await db.invitation.count({ where: { accountId: ctx.accountId, acceptedAt: null, expiresAt: { gt: new Date() } } });
  const check = await checkLimit(ctx.accountId, "users", 1);
  if (check.current + pending + 1 > check.max) throw limitError({ ...check, current: check.current + pending });

  const token = randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      accountId: ctx.accountId,
      email: input.email,
      role: input.role,
      siteIds: [...new Set(input.siteIds)],
      tokenHash: hashToken(token),
      invitedById: ctx.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    },
  });
  const inviteUrl = `/invite/${token}`;
  await sendMail({
    to: input.email,
    subject: `${ctx.account.name} invites you to Content Studio`,
    text: `${ctx.user?.name || "A teammate"} invites you to join ${ctx.account.name} on Content Studio as ${input.role}.\n\nAccept within ${INVITATION_TTL_DAYS} days:\n\n${appBaseUrl()}${inviteUrl}\n`,
  }).catch((error) => log.error("invitation mail failed", { error })); // the link is also shown to the inviter
  return { invitation: toInvitationDto(invitation), inviteUrl };
}

function toInvitationDto(inv: { id: number; email: string; role: string; siteIds: number[]; expiresAt: Date; acceptedAt: Date | null; createdAt: Date }) {
  return { id: inv.id, email: inv.email, role: inv.role, siteIds: inv.siteIds, expiresAt: inv.expiresAt, acceptedAt: inv.acceptedAt, createdAt: inv.createdAt };
}

export async function listPendingInvitations(db: ScopedDb, ctx: AppContext) {
  const invitations = await db.invitation.findMany({
    where: { accountId: ctx.accountId, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  return invitations.map(toInvitationDto);
}

export async function revokeInvitation(db: ScopedDb, ctx: AppContext, id: number) {
  assertCan(ctx.role, "manageAccount");
  const { count } = await db.invitation.deleteMany({ where: { id, accountId: ctx.accountId, acceptedAt: null } });
  if (!count) throw new NotFoundError("Invitation");
}

/** Public: what the invite page shows before the invitee sets a password. */
export async function findInvitation(token: string) {
  const invitation = await rootDb().invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { account: { select: { name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
  return { email: invitation.email, role: invitation.role, accountName: invitation.account.name, expiresAt: invitation.expiresAt };
}

/** Creates the invitee's user in the inviting account, with the granted sites. */
export async function acceptInvitation(input: AcceptInvitationInput) {
  const db = rootDb();
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) {
    throw new NotFoundError("Invitation (it may have expired or been used)");
  }
  if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
    throw new ConflictError("This email already belongs to a user. Sign in instead.");
  }
  await assertWithinLimit(invitation.accountId, "users", 1);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (!claimed.count) throw new ConflictError("This invitation was just used.");
    const user = await tx.user.create({
      data: { accountId: invitation.accountId, email: invitation.email, name: input.name, passwordHash, role: invitation.role },
    });
    const sites = await tx.site.findMany({ where: { id: { in: invitation.siteIds }, accountId: invitation.accountId }, select: { id: true } });
    if (sites.length) {
      await tx.siteUserAccess.createMany({
        data: sites.map((s) => ({ accountId: invitation.accountId, siteId: s.id, userId: user.id, grantedById: invitation.invitedById })),
      });
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role, accountId: user.accountId };
  });
}

async function findMember(db: ScopedDb, ctx: AppContext, userId: number) {
  const user = await db.user.findFirst({ where: { id: userId, accountId: ctx.accountId } });
  if (!user) throw new NotFoundError("User");
  return user;
}

/** Changes a teammate's role and/or the sites they may see. Owners are changed only by transfer. */
export async function updateMember(db: ScopedDb, ctx: AppContext, userId: number, input: UpdateMemberInput) {
  assertCan(ctx.role, "manageAccount");
  const user = await findMember(db, ctx, userId);
  if (user.role === "owner" || user.role === "developer") throw new ForbiddenError("The owner's role cannot be changed here.");
  if (user.id === ctx.userId) throw new ForbiddenError("You cannot change your own role or access.");
  if (input.siteIds) await assertOwnSites(db, ctx, input.siteIds);
  await db.$transaction(async (tx) => {
    if (input.role) await tx.user.update({ where: { id: userId }, data: { role: input.role } });
    if (input.siteIds) {
      await tx.siteUserAccess.deleteMany({ where: { userId, accountId: ctx.accountId } });
      if (input.siteIds.length) {
        await tx.siteUserAccess.createMany({
          data: [...new Set(input.siteIds)].map((siteId) => ({ accountId: ctx.accountId, siteId, userId, grantedById: ctx.userId })),
        });
      }
    }
  });
  return (await listMembers(db, ctx, { page: 1, pageSize: 1, search: user.email })).results[0];
}

export async function removeMember(db: ScopedDb, ctx: AppContext, userId: number) {
  assertCan(ctx.role, "manageAccount");
  const user = await findMember(db, ctx, userId);
  if (user.role === "owner") throw new ForbiddenError("The owner cannot be removed. Transfer ownership first.");
  if (user.id === ctx.userId) throw new ValidationError("You cannot remove yourself.");
  await db.user.delete({ where: { id: userId } });
}
