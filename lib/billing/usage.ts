// Metered AI usage of the caller's account: per day, operation, model and site, in credits and
// USD, plus this month against the plan's limits. Pass a client scoped to the caller's own account.
import type { ScopedDb } from "@/lib/db/scoped";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkLimit, monthStart } from "@/lib/plans/limits";
import { CREDIT_COSTS, OPERATIONS, type Operation } from "./prices";
import type { UsageQuery } from "./schemas";

const DAY = 86_400_000;
export type UsageDay = { date: string; credits: number; costUsd: number; calls: number };
type Sums = { credits: number; costUsd: number; calls: number; tokensIn: number; tokensOut: number; images: number };

function sums(g: { _sum: { credits: number | null; costUsd: Prisma.Decimal | null; tokensIn: number | null; tokensOut: number | null; images: number | null }; _count: { _all: number } }): Sums {
  return { credits: g._sum.credits ?? 0, costUsd: Number(g._sum.costUsd ?? 0), calls: g._count._all, tokensIn: g._sum.tokensIn ?? 0, tokensOut: g._sum.tokensOut ?? 0, images: g._sum.images ?? 0 };
}
const SUM = { credits: true, costUsd: true, tokensIn: true, tokensOut: true, images: true } as const;

export function emptyDays(since: Date, days: number): UsageDay[] {
  return Array.from({ length: days }, (_, i) => ({ date: new Date(since.getTime() + i * DAY).toISOString().slice(0, 10), credits: 0, costUsd: 0, calls: 0 }));
}

/**
 * Credits, USD and calls per UTC day. Raw SQL (a reviewed place): grouping by day is the database's
 * job; the account id (and site) are explicit because raw SQL bypasses the scoping extension.
 */
export async function usagePerDay(db: ScopedDb, accountId: number, since: Date, days: number, siteId?: number): Promise<UsageDay[]> {
  const rows = await db.$queryRaw<{ day: string; credits: number; cost: number; calls: number }[]>`
    SELECT to_char("createdAt", 'YYYY-MM-DD') AS day, COALESCE(SUM(credits), 0)::int AS credits, COALESCE(SUM("costUsd"), 0)::float8 AS cost, COUNT(*)::int AS calls
    FROM credit_usage_logs
    WHERE "accountId" = ${accountId} AND "createdAt" >= ${since} ${siteId ? Prisma.sql`AND "siteId" = ${siteId}` : Prisma.empty}
    GROUP BY 1`;
  const out = emptyDays(since, days);
  const index = new Map(out.map((d, i) => [d.date, i]));
  for (const row of rows) {
    const i = index.get(row.day);
    if (i !== undefined) out[i] = { date: row.day, credits: row.credits, costUsd: Math.round(row.cost * 1e6) / 1e6, calls: row.calls };
  }
  return out;
}

export async function getUsage(db: ScopedDb, accountId: number, query: UsageQuery, now = new Date()) {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (query.days - 1)));
  const where: Prisma.CreditUsageLogWhereInput = { createdAt: { gte: since }, ...(query.siteId ? { siteId: query.siteId } : {}) };
  const [byDay, total, byOperation, byModel, bySite, sites, month, byEntryPoint] = await Promise.all([
    usagePerDay(db, accountId, since, query.days, query.siteId),
    db.creditUsageLog.aggregate({ where, _sum: SUM, _count: { _all: true } }),
    db.creditUsageLog.groupBy({ by: ["operation"], where, _sum: SUM, _count: { _all: true } }),
    db.creditUsageLog.groupBy({ by: ["model"], where, _sum: SUM, _count: { _all: true } }),
    db.creditUsageLog.groupBy({ by: ["siteId"], where, _sum: SUM, _count: { _all: true } }),
    db.site.findMany({ select: { id: true, name: true } }),
    monthUsage(db, accountId, now),
    db.creditUsageLog.groupBy({ by: ["operation", "entryPoint"], where: { ...where, entryPoint: { not: null } }, _sum: SUM, _count: { _all: true } }),
  ]);
  const byCost = <T extends Sums>(a: T, b: T) => b.credits - a.credits || b.costUsd - a.costUsd;
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  return {
    period: { days: query.days, from: since, to: now, siteId: query.siteId ?? null },
    totals: sums(total),
    byDay,
    byOperation: byOperation
      .map((g) => ({ operation: g.operation, label: CREDIT_COSTS[g.operation as Operation]?.label ?? g.operation, ...sums(g) }))
      .sort(byCost),
    byModel: byModel.map((g) => ({ model: g.model || "unknown", ...sums(g) })).sort(byCost),
    bySite: bySite.map((g) => ({ siteId: g.siteId, name: g.siteId ? (siteName.get(g.siteId) ?? `Site ${g.siteId}`) : "No site", ...sums(g) })).sort(byCost),
    /** Operations that record where they were asked for (the optimizer: editor, batch, automation). */
    byEntryPoint: byEntryPoint.map((g) => ({ operation: g.operation, entryPoint: g.entryPoint!, ...sums(g) })).sort(byCost),
    month,
  };
}

export type UsageReport = Awaited<ReturnType<typeof getUsage>>;

/** This calendar month (UTC) against the plan: AI requests, AI words and images; credits spent. */
export async function monthUsage(db: ScopedDb, accountId: number, now = new Date()) {
  const start = monthStart(now);
  const [requests, words, images, spent] = await Promise.all([
    checkLimit(accountId, "monthlyAiRequests", 0),
    checkLimit(accountId, "monthlyWords", 0),
    checkLimit(accountId, "monthlyImages", 0),
    db.creditTransaction.aggregate({ where: { type: "usage", createdAt: { gte: start } }, _sum: { amount: true } }),
  ]);
  const resetsOn = new Date(start);
  resetsOn.setUTCMonth(resetsOn.getUTCMonth() + 1);
  const limit = (c: { current: number; max: number }) => ({ used: c.current, max: c.max });
  return { planName: requests.planName, resetsOn, creditsSpent: -(spent._sum.amount ?? 0) || 0, aiRequests: limit(requests), words: limit(words), images: limit(images) };
}

export const OPERATION_LABELS: Record<string, string> = Object.fromEntries(OPERATIONS.map((op) => [op, CREDIT_COSTS[op].label]));
