// What the billing pages show: balance, prices, the ledger and metered usage per run, the plans.
// Pass a client scoped to the caller's own account (ownAccount), also for developers.
import { can } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { monthStart } from "@/lib/plans/limits";
import { listActivePlans } from "@/lib/plans/service";
import { paymentsEnabled } from "./payments";
import { CREDIT_COSTS, creditsPerBlock, LOW_BALANCE_CREDITS, OPERATIONS } from "./prices";

export async function getCreditSummary(db: ScopedDb, ctx: TenantContext) {
  const [account, transactions, usageByRun, usage] = await Promise.all([
    db.account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { credits: true, plan: { select: { name: true, includedCredits: true } } } }),
    db.creditTransaction.findMany({ orderBy: { id: "desc" }, take: 25 }),
    db.creditUsageLog.groupBy({
      by: ["runId"],
      where: { runId: { not: null } },
      _sum: { credits: true, costUsd: true, tokensIn: true, tokensOut: true, images: true },
      _count: { _all: true },
      _max: { createdAt: true },
      orderBy: { _max: { createdAt: "desc" } },
      take: 15,
    }),
    db.creditUsageLog.findMany({ orderBy: { id: "desc" }, take: 25 }),
  ]);
  const runIds = usageByRun.map((u) => u.runId!).filter(Boolean);
  const runs = runIds.length ? await db.run.findMany({ where: { id: { in: runIds } }, select: { id: true, kind: true, status: true, message: true } }) : [];
  return {
    balance: account.credits,
    plan: account.plan,
    lowBalance: account.credits < LOW_BALANCE_CREDITS,
    lowBalanceThreshold: LOW_BALANCE_CREDITS,
    costs: OPERATIONS.filter((op) => op !== "test").map((op) => ({ operation: op, ...CREDIT_COSTS[op], credits: creditsPerBlock(op) })),
    transactions,
    runs: usageByRun.map((u) => {
      const run = runs.find((r) => r.id === u.runId);
      return {
        runId: u.runId!,
        kind: run?.kind ?? "unknown",
        status: run?.status ?? null,
        calls: u._count._all,
        credits: u._sum.credits ?? 0,
        costUsd: Number(u._sum.costUsd ?? 0),
        tokensIn: u._sum.tokensIn ?? 0,
        tokensOut: u._sum.tokensOut ?? 0,
        images: u._sum.images ?? 0,
        at: u._max.createdAt,
      };
    }),
    usage: usage.map((u) => ({ ...u, costUsd: Number(u.costUsd) })),
  };
}

export type CreditSummary = Awaited<ReturnType<typeof getCreditSummary>>;

/** The balance endpoint and header figures: what is left, what the plan includes, this month's spend. */
export async function getBalanceSummary(db: ScopedDb, ctx: TenantContext, now = new Date()) {
  const start = monthStart(now);
  const [account, spent, granted, subscription] = await Promise.all([
    db.account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { credits: true, plan: { select: { id: true, name: true, slug: true, includedCredits: true } } } }),
    db.creditTransaction.aggregate({ where: { type: "usage", createdAt: { gte: start } }, _sum: { amount: true } }),
    db.creditTransaction.aggregate({ where: { amount: { gt: 0 }, createdAt: { gte: start } }, _sum: { amount: true } }),
    currentSubscription(db),
  ]);
  return {
    balance: account.credits,
    lowBalance: account.credits < LOW_BALANCE_CREDITS,
    lowBalanceThreshold: LOW_BALANCE_CREDITS,
    plan: account.plan,
    spentThisMonth: -(spent._sum.amount ?? 0),
    addedThisMonth: granted._sum.amount ?? 0,
    subscription,
  };
}

function currentSubscription(db: ScopedDb) {
  return db.subscription.findFirst({
    where: { status: { in: ["active", "trialing", "past_due"] } },
    orderBy: { id: "desc" },
    select: { status: true, provider: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, plan: { select: { id: true, name: true } } },
  });
}

/** The plans page: active plans, the current one, and whether (and how) this caller can change it. */
export async function getPlansOverview(db: ScopedDb, ctx: TenantContext) {
  const [plans, account, subscription] = await Promise.all([
    listActivePlans(db),
    db.account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { planId: true, stripeCustomerId: true, plan: { select: { id: true, name: true, isActive: true } } } }),
    currentSubscription(db),
  ]);
  return {
    plans: plans.map((p) => ({ ...p, isCurrent: p.id === account.planId, purchasable: Boolean(p.stripePriceId) })),
    currentPlan: account.plan,
    subscription,
    paymentsEnabled: paymentsEnabled(),
    hasBillingAccount: Boolean(account.stripeCustomerId),
    canChange: can.ownAccount(ctx.role),
  };
}

export type PlansOverview = Awaited<ReturnType<typeof getPlansOverview>>;
