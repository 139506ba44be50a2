// Budgets are enforced before spending: an item's credits are reserved (an AutomationItem row,
// unique per rule, action and item) under a per-site lock, against the rule's daily and monthly
// budgets and the site's shared monthly budget, before any model is called. Spend = reserved +
// done items; a failed item gives its reservation back. A retried run finds its own row and goes
// on (the engine replays the stored charge), so nothing is charged or counted twice.
import type { ScopedDb } from "@/lib/db/scoped";
import { LimitExceededError } from "@/lib/errors";
import type { RuleLimits } from "./schemas";

export type BudgetRule = { id: number; siteId: number; sectorId: number; accountId: number; name: string; timeZone: string; limits: RuleLimits };

/** Midnight (day) and the 1st (month) in the rule's time zone, as UTC instants. */
export function periodStarts(timeZone: string, now = new Date()): { day: Date; month: Date } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(now).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = asUtc - Math.floor(now.getTime() / 1000) * 1000; // the zone's offset at `now`
  const day = new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day) - offset);
  const month = new Date(Date.UTC(+parts.year, +parts.month - 1, 1) - offset);
  return { day, month };
}

const SPENDING = ["reserved", "done"];

export type Spend = { day: number; month: number; siteMonth: number };

export async function readSpend(db: Pick<ScopedDb, "automationItem">, rule: Pick<BudgetRule, "id" | "siteId" | "timeZone">, now = new Date()): Promise<Spend> {
  const { day, month } = periodStarts(rule.timeZone, now);
  const sum = async (where: object) => (await db.automationItem.aggregate({ where: { status: { in: SPENDING }, ...where }, _sum: { credits: true } }))._sum.credits ?? 0;
  const [d, m, s] = await Promise.all([sum({ ruleId: rule.id, createdAt: { gte: day } }), sum({ ruleId: rule.id, createdAt: { gte: month } }), sum({ siteId: rule.siteId, createdAt: { gte: month } })]);
  return { day: d, month: m, siteMonth: s };
}

export type BudgetLine = { name: "daily" | "monthly" | "site_monthly"; label: string; limit: number; spent: number; remaining: number };

export function budgetLines(limits: RuleLimits, spend: Spend): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const add = (name: BudgetLine["name"], label: string, limit: number | null | undefined, spent: number) => {
    if (limit === null || limit === undefined) return;
    lines.push({ name, label, limit, spent, remaining: Math.max(0, limit - spent) });
  };
  add("daily", "the rule's daily budget", limits.dailyBudget, spend.day);
  add("monthly", "the rule's monthly budget", limits.monthlyBudget, spend.month);
  add("site_monthly", "the site's monthly automation budget", limits.siteMonthlyBudget, spend.siteMonth);
  return lines;
}

/** The sentence when `needed` credits do not fit, or null. */
export function budgetShortfall(rule: Pick<BudgetRule, "name">, lines: BudgetLine[], needed: number): string | null {
  const short = lines.find((l) => l.remaining < needed);
  if (!short) return null;
  return `Stopped by ${short.label} of "${rule.name}": ${short.limit} credits, ${short.spent} spent, ${short.remaining} left; the next item needs ${needed}.`;
}

export class BudgetExhaustedError extends LimitExceededError {}

export type Reservation = { status: "reserved" } | { status: "already_done"; credits: number } | { status: "taken" };

/**
 * Reserves `credits` for one item, or throws BudgetExhaustedError (fatal for the run: no further
 * item starts). `already_done`: this rule processed the item in an earlier execution; `taken`:
 * another execution of the rule holds it right now.
 */
export async function reserveItem(db: ScopedDb, rule: BudgetRule, executionId: number, action: string, itemId: number, credits: number): Promise<Reservation> {
  return db.$transaction(async (tx) => {
    // One site's reservations one at a time: its rules share the site budget.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(714, ${rule.siteId}::int)`;
    const existing = await tx.automationItem.findFirst({ where: { ruleId: rule.id, action, itemId } });
    if (existing?.status === "done") return { status: "already_done" as const, credits: existing.credits };
    if (existing?.status === "reserved" && existing.executionId !== executionId) return { status: "taken" as const };
    if (existing?.status === "reserved") return { status: "reserved" as const };
    const spend = await readSpend(tx as unknown as ScopedDb, rule);
    const problem = budgetShortfall(rule, budgetLines(rule.limits, spend), credits);
    if (problem) throw new BudgetExhaustedError(problem, { name: "automation_budget", max: 0, current: 0, requested: credits });
    if (existing) await tx.automationItem.update({ where: { id: existing.id }, data: { status: "reserved", executionId, credits, reason: null } });
    else await tx.automationItem.create({ data: { accountId: rule.accountId, siteId: rule.siteId, sectorId: rule.sectorId, ruleId: rule.id, executionId, action, itemId, credits } });
    return { status: "reserved" as const };
  });
}

/** After the work: what it really cost (done), or nothing (failed: the reservation is given back). */
export async function settleItem(db: ScopedDb, ruleId: number, executionId: number, action: string, itemId: number, outcome: { ok: true; credits: number } | { ok: false; reason: string; status?: "failed" | "blocked" }) {
  // Only this execution's reservation: another execution's (in flight, or done) is not ours to change.
  await db.automationItem.updateMany({
    where: { ruleId, executionId, action, itemId, ...(outcome.ok ? {} : { status: "reserved" }) },
    data: outcome.ok ? { status: "done", credits: outcome.credits, reason: null } : { status: outcome.status ?? "failed", credits: 0, reason: outcome.reason.slice(0, 500) },
  });
}
