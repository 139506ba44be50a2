// Account settings: name and slug, ownership transfer, deletion (with confirmation; everything of
// the account goes through cascades, nothing of other accounts is touched).
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import type { ScopedDb } from "@/lib/db/scoped";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { DeleteAccountInput, UpdateAccountInput } from "./schemas";

export async function getAccountSettings(db: ScopedDb, ctx: AppContext) {
  const account = await db.account.findFirst({
    where: { id: ctx.accountId },
    include: { plan: { select: { id: true, name: true, slug: true } }, owner: { select: { id: true, name: true, email: true } } },
  });
  if (!account) throw new NotFoundError("Account");
  const candidates = await db.user.findMany({
    where: { accountId: ctx.accountId, isActive: true, role: { in: ["admin", "editor", "viewer"] } },
    select: { id: true, name: true, email: true, role: true },
    orderBy: { name: "asc" },
  });
  return {
    id: account.id,
    name: account.name,
    slug: account.slug,
    status: account.status,
    credits: account.credits,
    plan: account.plan,
    owner: account.owner,
    createdAt: account.createdAt,
    transferCandidates: candidates,
  };
}

export async function updateAccount(db: ScopedDb, ctx: AppContext, input: UpdateAccountInput) {
  assertCan(ctx.role, "manageAccount");
  try {
    await db.account.update({ where: { id: ctx.accountId }, data: input });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("This slug is taken. Choose another.", { slug: ["This slug is taken."] });
    throw error;
  }
  return getAccountSettings(db, ctx);
}

/** The new owner must be an active member; the previous owner becomes an admin. */
export async function transferOwnership(db: ScopedDb, ctx: AppContext, userId: number) {
  assertCan(ctx.role, "ownAccount");
  if (userId === ctx.userId) throw new ValidationError("You already own this account.", { userId: ["Choose another member."] });
  const target = await db.user.findFirst({ where: { id: userId, accountId: ctx.accountId, isActive: true } });
  if (!target) throw new NotFoundError("User");
  const account = await db.account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { ownerId: true } });
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: ctx.accountId }, data: { ownerId: target.id } });
    await tx.user.update({ where: { id: target.id }, data: { role: "owner" } });
    if (account.ownerId) await tx.user.update({ where: { id: account.ownerId }, data: { role: "admin" } });
    await tx.siteUserAccess.deleteMany({ where: { userId: target.id } });
  });
  return getAccountSettings(db, ctx);
}

/** Deletes the account and, through cascades, its users, sites and everything in them. */
export async function deleteAccount(db: ScopedDb, ctx: AppContext, input: DeleteAccountInput) {
  assertCan(ctx.role, "ownAccount");
  const account = await db.account.findFirstOrThrow({ where: { id: ctx.accountId } });
  if (account.isSystem) throw new ForbiddenError("The system account cannot be deleted.");
  if (input.confirm !== account.slug) throw new ValidationError(`Type “${account.slug}” to confirm.`, { confirm: [`Type “${account.slug}” to confirm.`] });
  const user = await db.user.findFirstOrThrow({ where: { id: ctx.userId ?? -1 }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new ValidationError("The password is incorrect.", { password: ["The password is incorrect."] });
  await db.account.delete({ where: { id: ctx.accountId } });
}
