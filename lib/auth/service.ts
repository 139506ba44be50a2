// Accounts and identities: sign-up, credential checks, and the per-request context. One of the
// named places allowed to use the unscoped client (a user is looked up before any tenant is known).
import { addCredits } from "@/lib/billing/credits";
import { rootDb } from "@/lib/db/client";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, ForbiddenError, RateLimitError, UnauthorizedError, ValidationError } from "@/lib/errors";
import type { AccountStatus, UserRole } from "@/lib/generated/prisma/enums";
import { incrementBucket, isRateLimited, resetRateLimit } from "@/lib/rate-limit/service";
import { uniqueSlug } from "@/lib/utils/slug";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import { seesGrantedSitesOnly } from "./permissions";
import { assertFeatureEnabled } from "@/lib/system/settings";
import type { CredentialsInput, RegisterInput } from "./schemas";

export type AppContext = TenantContext & {
  user: { id: number; email: string; name: string; role: UserRole } | null;
  account: { id: number; name: string; slug: string; status: AccountStatus; isSystem: boolean; planId: number };
};

export const SIGN_IN_LIMIT = { attempts: 10, windowSeconds: 15 * 60 };

export async function registerAccount(input: RegisterInput) {
  await assertFeatureEnabled("signups");
  const db = rootDb();
  const plan = (await db.plan.findFirst({ where: { isDefault: true, isActive: true } })) ?? (await db.plan.findFirst({ where: { isActive: true }, orderBy: { sortOrder: "asc" } }));
  if (!plan) throw new Error("No active plan exists: the reference data was not seeded.");
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ConflictError("An account with this email already exists. Sign in instead.", { email: ["This email is already registered."] });
  }
  const passwordHash = await hashPassword(input.password);
  const slug = await uniqueSlug(input.accountName, async (s) => Boolean(await db.account.findUnique({ where: { slug: s }, select: { id: true } })), "account");
  try {
    return await db.$transaction(async (tx) => {
      const account = await tx.account.create({
        data: { name: input.accountName, slug, planId: plan.id, status: "trial", credits: 0 },
      });
      const user = await tx.user.create({
        data: { accountId: account.id, email: input.email, name: input.name, passwordHash, role: "owner" },
      });
      await tx.account.update({ where: { id: account.id }, data: { ownerId: user.id } });
      await tx.subscription.create({ data: { accountId: account.id, planId: plan.id, status: "trialing" } });
      await grantSignUpCredits(tx, account.id, plan.includedCredits);
      return { user: toSessionUser(user), account: { ...account, ownerId: user.id } };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ConflictError("An account with this email already exists. Sign in instead.", { email: ["This email is already registered."] });
    }
    throw error;
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof rootDb>["$transaction"]>[0]>[0];

/** The plan's included credits, recorded in the ledger as a grant. */
async function grantSignUpCredits(tx: Tx, accountId: number, credits: number) {
  if (credits > 0) await addCredits(tx, { accountId, amount: credits, type: "grant", description: "Credits included with your plan" });
}

export type SessionUser = { id: number; email: string; name: string; accountId: number; role: UserRole };

function toSessionUser(user: { id: number; email: string; name: string; accountId: number; role: UserRole }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, accountId: user.accountId, role: user.role };
}

/**
 * Checks email + password. Failed attempts are counted per email and per client address;
 * past the limit every attempt is refused until the window ends, right password or not.
 */
export async function authenticate(input: CredentialsInput, clientIp = "unknown"): Promise<SessionUser> {
  const keys = [`signin:email:${input.email}`, `signin:ip:${clientIp}`];
  const ipLimit = { ...SIGN_IN_LIMIT, attempts: SIGN_IN_LIMIT.attempts * 5 };
  if (
    (await isRateLimited({ key: keys[0], limit: SIGN_IN_LIMIT.attempts, windowSeconds: SIGN_IN_LIMIT.windowSeconds })) ||
    (await isRateLimited({ key: keys[1], limit: ipLimit.attempts, windowSeconds: ipLimit.windowSeconds }))
  ) {
    throw new RateLimitError("Too many sign-in attempts. Wait 15 minutes and try again.", SIGN_IN_LIMIT.windowSeconds);
  }
  const db = rootDb();
  const user = await db.user.findUnique({ where: { email: input.email }, include: { account: { include: { plan: true } } } });
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid || !user.isActive) {
    await Promise.all(keys.map((key) => incrementBucket(key, SIGN_IN_LIMIT.windowSeconds)));
    throw new UnauthorizedError("Email or password is incorrect.");
  }
  assertAccountUsable(user.account, user.account.plan);
  await resetRateLimit(keys[0]);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return toSessionUser(user);
}

/** The account-context rule: suspended, cancelled or plan-less accounts are refused. */
export function assertAccountUsable(account: { status: AccountStatus; isSystem?: boolean }, plan: { isActive: boolean } | null): void {
  if (account.status === "suspended") {
    throw new ForbiddenError("This account is suspended. Contact support or your account owner.");
  }
  if (account.status === "cancelled") throw new ForbiddenError("This account has been cancelled.");
  if (!plan || !plan.isActive) {
    throw new ForbiddenError("This account has no active plan. Choose a plan to continue.");
  }
}

/**
 * Builds the request context from a user id (session or bearer token). Re-reads the user and
 * account on every request, so a suspension or a role change takes effect at once.
 */
export async function loadContext(userId: number, selection: { siteId?: number | null; sectorId?: number | null } = {}, credentialIssuedAt?: Date): Promise<AppContext> {
  const db = rootDb();
  const user = await db.user.findUnique({ where: { id: userId }, include: { account: { include: { plan: true } } } });
  if (!user || !user.isActive) throw new UnauthorizedError("Your session is no longer valid. Sign in again.");
  // A password reset revokes every session and API token issued before it.
  if (credentialIssuedAt && user.sessionsValidAfter && credentialIssuedAt < user.sessionsValidAfter) {
    throw new UnauthorizedError("Your password was changed. Sign in again.");
  }
  assertAccountUsable(user.account, user.account.plan);
  const crossAccount = user.role === "developer" || user.account.isSystem;
  let siteAccess: TenantContext["siteAccess"] = "account";
  if (crossAccount) {
    siteAccess = (await db.site.findMany({ where: { isActive: true }, select: { id: true } })).map((s) => s.id);
  } else if (seesGrantedSitesOnly(user.role)) {
    siteAccess = (await db.siteUserAccess.findMany({ where: { userId, accountId: user.accountId }, select: { siteId: true } })).map((a) => a.siteId);
  }
  const { account } = user;
  return {
    userId: user.id,
    accountId: user.accountId,
    role: user.role,
    crossAccount,
    siteAccess,
    siteId: selection.siteId ?? undefined,
    sectorId: selection.sectorId ?? undefined,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    account: { id: account.id, name: account.name, slug: account.slug, status: account.status, isSystem: account.isSystem, planId: account.planId },
  };
}

export function assertValidId(value: unknown, what = "id"): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new ValidationError(`Invalid ${what}.`, { [what]: ["Must be a positive integer."] });
  return id;
}

/** What /auth/me and the app shell show about the caller. */
export async function getProfile(ctx: AppContext) {
  const account = await rootDb().account.findUniqueOrThrow({
    where: { id: ctx.accountId },
    include: { plan: true },
  });
  return {
    user: ctx.user,
    account: { id: account.id, name: account.name, slug: account.slug, status: account.status, credits: account.credits, isSystem: account.isSystem },
    plan: { id: account.plan.id, name: account.plan.name, slug: account.plan.slug },
  };
}
