// Developer admin: every account with its plan, credits, size, this month's usage and status;
// suspend, reactivate, cancel; assign a plan; adjust credits with a reason that lands in the ledger.
// Cross-account by nature, so it reads through the unscoped client.
import { addCredits } from "@/lib/billing/credits";
import type { AdjustCreditsInput } from "@/lib/billing/schemas";
import { rootDb } from "@/lib/db/client";
import { ForbiddenError, InsufficientCreditsError, NotFoundError, ValidationError } from "@/lib/errors";
import { monthStart } from "@/lib/plans/limits";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import type { AdminAccountsQuery, AdminUsersQuery } from "./schemas";

const ORDERING = ["name", "createdAt", "credits", "status"] as const;

export async function listAccounts(query: AdminAccountsQuery) {
  const where: Prisma.AccountWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.planId ? { planId: query.planId } : {}),
    ...(query.search ? { OR: [{ name: { contains: query.search, mode: "insensitive" } }, { slug: { contains: query.search, mode: "insensitive" } }, { users: { some: { email: { contains: query.search, mode: "insensitive" } } } }] } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ORDERING, "-createdAt");
  const db = rootDb();
  const [count, accounts] = await Promise.all([
    db.account.count({ where }),
    db.account.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { plan: { select: { id: true, name: true } }, owner: { select: { email: true } }, _count: { select: { users: true, sites: true } } },
    }),
  ]);
  const ids = accounts.map((a) => a.id);
  const [keywordCounts, usageThisMonth] = await Promise.all([
    db.keyword.groupBy({ by: ["accountId"], where: { accountId: { in: ids }, deletedAt: null }, _count: { _all: true } }),
    db.creditUsageLog.groupBy({ by: ["accountId"], where: { accountId: { in: ids }, createdAt: { gte: monthStart() } }, _count: { _all: true }, _sum: { credits: true, costUsd: true } }),
  ]);
  const keywords = new Map(keywordCounts.map((k) => [k.accountId, k._count._all]));
  const usage = new Map(usageThisMonth.map((u) => [u.accountId, { aiRequests: u._count._all, creditsSpent: u._sum.credits ?? 0, costUsd: Number(u._sum.costUsd ?? 0) }]));
  return {
    count,
    results: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      slug: a.slug,
      status: a.status,
      isSystem: a.isSystem,
      credits: a.credits,
      plan: a.plan,
      ownerEmail: a.owner?.email ?? null,
      users: a._count.users,
      sites: a._count.sites,
      keywords: keywords.get(a.id) ?? 0,
      month: usage.get(a.id) ?? { aiRequests: 0, creditsSpent: 0, costUsd: 0 },
      createdAt: a.createdAt,
    })),
  } satisfies Paginated<unknown>;
}

export type AdminAccountRow = Awaited<ReturnType<typeof listAccounts>>["results"][number];

export async function setAccountStatus(id: number, status: "active" | "suspended" | "trial" | "cancelled") {
  const account = await rootDb().account.findUnique({ where: { id } });
  if (!account) throw new NotFoundError("Account");
  if (account.isSystem && status !== "active") throw new ForbiddenError("The system account cannot be suspended or cancelled.");
  return rootDb().account.update({ where: { id }, data: { status } });
}

/** Takes effect at once with a manual subscription; optionally grants the plan's included credits. */
export async function assignPlan(id: number, planId: number, options: { grantCredits?: boolean; byUserId?: number | null } = {}) {
  const [account, plan] = await Promise.all([rootDb().account.findUnique({ where: { id } }), rootDb().plan.findUnique({ where: { id: planId } })]);
  if (!account) throw new NotFoundError("Account");
  if (!plan) throw new NotFoundError("Plan");
  return rootDb().$transaction(async (tx) => {
    const updated = await tx.account.update({ where: { id }, data: { planId } });
    await tx.subscription.updateMany({ where: { accountId: id, status: { in: ["active", "trialing", "past_due"] } }, data: { status: "canceled" } });
    await tx.subscription.create({ data: { accountId: id, planId, status: "active", provider: "manual" } });
    if (options.grantCredits && plan.includedCredits > 0) {
      const entry = await addCredits(tx, { accountId: id, amount: plan.includedCredits, type: "grant", description: `Credits included with the ${plan.name} plan (assigned by an administrator)`, metadata: { planId, byUserId: options.byUserId ?? null } });
      return { ...updated, credits: entry.balanceAfter };
    }
    return updated;
  });
}

/**
 * An administrator's correction: positive grants, negative removes, never below zero. The reason
 * is the ledger row's description, so the account's owner sees why their balance changed.
 */
export async function adjustAccountCredits(id: number, input: AdjustCreditsInput, byUser: { id: number | null; email?: string | null }) {
  const account = await rootDb().account.findUnique({ where: { id }, select: { id: true } });
  if (!account) throw new NotFoundError("Account");
  try {
    const entry = await rootDb().$transaction((tx) => addCredits(tx, { accountId: id, amount: input.amount, type: "adjustment", description: input.reason, metadata: { byUserId: byUser.id, byEmail: byUser.email ?? null } }));
    return { accountId: id, transactionId: entry.id, amount: entry.amount, balance: entry.balanceAfter };
  } catch (error) {
    // The balance check is part of the atomic update, so a concurrent charge cannot slip under it.
    if (!(error instanceof InsufficientCreditsError)) throw error;
    const balance = error.available.toLocaleString("en-US");
    throw new ValidationError(`This would take the balance below zero: the account has ${balance} credits.`, { amount: [`At most ${balance} credits can be removed.`] });
  }
}

const USER_ORDERING = ["email", "createdAt", "lastLoginAt", "role"] as const;

export async function listAllUsers(query: AdminUsersQuery) {
  const where: Prisma.UserWhereInput = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.search ? { OR: [{ email: { contains: query.search, mode: "insensitive" } }, { name: { contains: query.search, mode: "insensitive" } }] } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, USER_ORDERING, "-createdAt");
  const [count, users] = await Promise.all([
    rootDb().user.count({ where }),
    rootDb().user.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, email: true, name: true, role: true, isActive: true, lastLoginAt: true, createdAt: true, account: { select: { id: true, name: true, status: true } } },
    }),
  ]);
  return { count, results: users };
}
