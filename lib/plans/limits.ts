// The one place that answers "may this account do N more of X?". Counts are account-wide
// (an editor limited to one site still counts against the whole account), so this reads
// through the unscoped client with an explicit accountId.
import { rootDb } from "@/lib/db/client";
import { LimitExceededError } from "@/lib/errors";
import type { Plan } from "@/lib/generated/prisma/client";
import { MAX_SECTORS_PER_SITE } from "./defaults";

type Counter = (accountId: number, scope: LimitScope) => Promise<number>;
export type LimitScope = { siteId?: number };

/** `label` is plural; `one` is the singular when it differs ("1 site", "1 active sector per site"). */
type LimitDefinition = { planField: keyof Plan; label: string; one?: string; count: Counter; cap?: number };

const limits = {
  users: { planField: "maxUsers", label: "users", one: "user", count: (accountId) => rootDb().user.count({ where: { accountId, isActive: true } }) },
  sites: { planField: "maxSites", label: "sites", one: "site", count: (accountId) => rootDb().site.count({ where: { accountId } }) },
  sectorsPerSite: {
    planField: "maxSectorsPerSite",
    label: "active sectors per site",
    one: "active sector per site",
    cap: MAX_SECTORS_PER_SITE,
    count: (accountId, { siteId }) => rootDb().sector.count({ where: { accountId, siteId, isActive: true } }),
  },
  // Trashed rows do not count (restoring them checks the limit again: lib/trash).
  keywords: { planField: "maxKeywords", label: "keywords", one: "keyword", count: (accountId) => rootDb().keyword.count({ where: { accountId, deletedAt: null } }) },
  clusters: { planField: "maxClusters", label: "clusters", one: "cluster", count: (accountId) => rootDb().cluster.count({ where: { accountId, deletedAt: null } }) },
  contentIdeas: { planField: "maxContentIdeas", label: "content ideas", one: "content idea", count: (accountId) => rootDb().contentIdea.count({ where: { accountId, deletedAt: null } }) },
} satisfies Record<string, LimitDefinition>;

export function monthStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** AI output generated this calendar month (UTC): words or images (lib/writer/limits.ts records them). */
export async function generatedThisMonth(accountId: number, kind: "words" | "images", now = new Date()): Promise<number> {
  const result = await rootDb().generationUsage.aggregate({ where: { accountId, kind, createdAt: { gte: monthStart(now) } }, _sum: { amount: true } });
  return result._sum.amount ?? 0;
}

// Metered AI usage this calendar month. AI requests come from the usage log (connection tests do
// not count); words and images from what was actually generated. Regenerating counts again;
// deleting content gives nothing back; manual writing and uploads never count.
const monthlyLimits: Record<string, LimitDefinition> = {
  monthlyAiRequests: {
    planField: "monthlyAiRequests",
    label: "AI requests this month",
    one: "AI request this month",
    count: (accountId) => rootDb().creditUsageLog.count({ where: { accountId, createdAt: { gte: monthStart() }, operation: { not: "test" } } }),
  },
  monthlyWords: { planField: "monthlyWords", label: "AI-generated words this month", one: "AI-generated word this month", count: (accountId) => generatedThisMonth(accountId, "words") },
  monthlyImages: { planField: "monthlyImages", label: "AI-generated images this month", one: "AI-generated image this month", count: (accountId) => generatedThisMonth(accountId, "images") },
};

export type LimitName = keyof typeof limits | "monthlyAiRequests" | "monthlyWords" | "monthlyImages";

export type LimitCheck = { name: string; label: string; max: number; current: number; requested: number; allowed: boolean; planName: string };

export async function checkLimit(accountId: number, name: LimitName, requested = 1, scope: LimitScope = {}): Promise<LimitCheck> {
  const definition: LimitDefinition | undefined = (limits as Record<string, LimitDefinition>)[name] ?? monthlyLimits[name];
  if (!definition) throw new Error(`Unknown plan limit: ${name}`);
  const account = await rootDb().account.findUniqueOrThrow({ where: { id: accountId }, include: { plan: true } });
  const planMax = Number(account.plan[definition.planField]);
  const max = definition.cap ? Math.min(planMax, definition.cap) : planMax;
  const current = await definition.count(accountId, scope);
  return { name, label: max === 1 && definition.one ? definition.one : definition.label, max, current, requested, allowed: current + requested <= max, planName: account.plan.name };
}

/** Throws the same clear message everywhere: which limit, how far over, and where to upgrade. */
export async function assertWithinLimit(accountId: number, name: LimitName, requested = 1, scope: LimitScope = {}): Promise<LimitCheck> {
  const check = await checkLimit(accountId, name, requested, scope);
  if (!check.allowed) throw limitError(check);
  return check;
}

export function limitError(check: LimitCheck): LimitExceededError {
  const over = check.current + check.requested - check.max;
  return new LimitExceededError(
    `Your ${check.planName} plan allows ${check.max.toLocaleString("en-US")} ${check.label}. ` +
      `You have ${check.current.toLocaleString("en-US")} and asked for ${check.requested.toLocaleString("en-US")} more ` +
      `(${over.toLocaleString("en-US")} over). Upgrade your plan to raise this limit.`,
    { name: check.name, max: check.max, current: check.current, requested: check.requested },
  );
}
