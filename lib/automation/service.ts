// Automation: rules (CRUD, forecast, execute), their history and scheduled tasks. Executions run
// as one job (jobs/execute-rule.ts); schedules are claimed by the tick (scheduler.ts); events
// arrive through emitAutomationEvent.
import { randomUUID } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, LimitExceededError, NotFoundError, ValidationError } from "@/lib/errors";
import type { AutomationExecution, AutomationRule, Prisma, ScheduledTask } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { jobs, startRun } from "@/lib/jobs/service";
import { log } from "@/lib/log";
import type { RunDto } from "@/lib/runs/service";
import { budgetLines, budgetShortfall, readSpend, type BudgetLine } from "./budget";
import { cheapestItem, estimateChain, type Estimate } from "./estimate";
import { pickItems, type Picked } from "./picks";
import {
  limitsSchema,
  nextRunTimes,
  qualityGateSchema,
  storedRuleSchema,
  type AutomationAction,
  type AutomationEvent,
  type CreateRuleInput,
  type CreateScheduledTaskInput,
  type QualityGate,
  type RuleAction,
  type RuleLimits,
  type RuleListQuery,
  type ScheduledTaskListQuery,
  type UpdateRuleInput,
  type UpdateScheduledTaskInput,
} from "./schemas";

export { PRESET_RULE, ACTION_LABELS, AUTOMATION_ACTIONS, AUTOMATION_EVENTS } from "./schemas";

/** A stored rule with its JSON fields parsed. */
export type RuleConfig = Omit<AutomationRule, "conditions" | "actions" | "limits" | "qualityGate"> & {
  conditions: { minVolume?: number; maxDifficulty?: number; minScore?: number };
  actions: RuleAction[];
  limits: RuleLimits;
  qualityGate: QualityGate;
};

export function toRuleConfig(row: AutomationRule): RuleConfig {
  return {
    ...row,
    conditions: (row.conditions ?? {}) as RuleConfig["conditions"],
    actions: (row.actions ?? []) as RuleAction[],
    limits: limitsSchema.parse(row.limits ?? {}),
    qualityGate: qualityGateSchema.parse(row.qualityGate ?? {}),
  };
}

export type RuleDto = Omit<RuleConfig, "accountId"> & {
  spentToday: number;
  spentThisMonth: number;
  lastExecution: { id: number; status: string; message: string; creditsSpent: number; createdAt: Date } | null;
};

async function toRuleDto(db: ScopedDb, row: AutomationRule): Promise<RuleDto> {
  const rule = toRuleConfig(row);
  const [spend, last] = await Promise.all([readSpend(db, rule), db.automationExecution.findFirst({ where: { ruleId: row.id }, orderBy: { id: "desc" }, select: { id: true, status: true, message: true, creditsSpent: true, createdAt: true } })]);
  const { accountId: _accountId, ...rest } = rule;
  return { ...rest, spentToday: spend.day, spentThisMonth: spend.month, lastExecution: last };
}

async function findRule(db: ScopedDb, id: number): Promise<AutomationRule> {
  const row = await db.automationRule.findFirst({ where: { id } });
  if (!row) throw new NotFoundError("Automation rule");
  return row;
}

export async function listRules(db: ScopedDb, query: RuleListQuery): Promise<Paginated<RuleDto>> {
  const where: Prisma.AutomationRuleWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.sectorId ? { sectorId: query.sectorId } : {}),
    ...(query.trigger ? { trigger: query.trigger } : {}),
    ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
    ...(query.search ? { name: { contains: query.search, mode: "insensitive" as const } } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ["id", "name", "createdAt", "nextRunAt"] as const, "-id");
  const [count, rows] = await Promise.all([
    db.automationRule.count({ where }),
    db.automationRule.findMany({ where, orderBy: { [field]: direction }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: await Promise.all(rows.map((r) => toRuleDto(db, r))) };
}

export async function getRule(db: ScopedDb, id: number): Promise<RuleDto> {
  return toRuleDto(db, await findRule(db, id));
}

/** The next due time of a schedule (UTC), or null for other triggers and paused rules. */
function nextDue(rule: { trigger: string; cron: string | null; timeZone: string; isActive: boolean }, from = new Date()): Date | null {
  if (rule.trigger !== "schedule" || !rule.cron || !rule.isActive) return null;
  return nextRunTimes(rule.cron, rule.timeZone, from, 1)[0];
}

/** The upcoming scheduled task of a rule matches its schedule: the old one goes, the new one is recorded. */
async function syncUpcoming(db: ScopedDb, row: AutomationRule) {
  await db.scheduledTask.deleteMany({ where: { ruleId: row.id, status: "scheduled", ...(row.nextRunAt ? { dueAt: { not: row.nextRunAt } } : {}), runId: null, executionId: null } });
  if (row.nextRunAt) {
    await db.scheduledTask.upsert({ where: { ruleId_dueAt: { ruleId: row.id, dueAt: row.nextRunAt } }, create: { accountId: row.accountId, ruleId: row.id, dueAt: row.nextRunAt }, update: {} });
  }
}

export async function createRule(db: ScopedDb, ctx: TenantContext, input: CreateRuleInput): Promise<RuleDto> {
  assertCan(ctx.role, "write");
  const timeZone = input.timeZone ?? "UTC";
  const isActive = input.isActive ?? true;
  const row = await db.automationRule.create({
    data: {
      accountId: ctx.accountId,
      siteId: input.siteId,
      sectorId: input.sectorId,
      name: input.name,
      description: input.description ?? "",
      isActive,
      trigger: input.trigger,
      cron: input.trigger === "schedule" ? input.cron! : null,
      timeZone,
      eventType: input.trigger === "event" ? input.eventType! : null,
      conditions: input.conditions as Prisma.InputJsonValue,
      actions: input.actions as Prisma.InputJsonValue,
      limits: input.limits as Prisma.InputJsonValue,
      qualityGate: input.qualityGate as Prisma.InputJsonValue,
      nextRunAt: nextDue({ trigger: input.trigger, cron: input.cron ?? null, timeZone, isActive }),
      createdById: ctx.userId,
    },
  });
  await syncUpcoming(db, row);
  return toRuleDto(db, row);
}

export async function updateRule(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateRuleInput): Promise<RuleDto> {
  assertCan(ctx.role, "write");
  const current = toRuleConfig(await findRule(db, id));
  const merged = storedRuleSchema.safeParse({
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    isActive: input.isActive ?? current.isActive,
    trigger: input.trigger ?? current.trigger,
    cron: input.cron !== undefined ? input.cron : current.cron,
    timeZone: input.timeZone ?? current.timeZone,
    eventType: input.eventType !== undefined ? input.eventType : current.eventType,
    conditions: input.conditions ?? current.conditions,
    actions: input.actions ?? current.actions,
    limits: input.limits ?? current.limits,
    qualityGate: input.qualityGate ?? current.qualityGate,
  });
  if (!merged.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of merged.error.issues) (fieldErrors[issue.path.join(".") || "rule"] ??= []).push(issue.message);
    throw new ValidationError("The rule is not valid.", fieldErrors);
  }
  const r = merged.data;
  const row = await db.automationRule.update({
    where: { id },
    data: {
      name: r.name,
      description: r.description ?? "",
      isActive: r.isActive ?? true,
      trigger: r.trigger,
      cron: r.trigger === "schedule" ? r.cron! : null,
      timeZone: r.timeZone ?? "UTC",
      eventType: r.trigger === "event" ? r.eventType! : null,
      conditions: r.conditions as Prisma.InputJsonValue,
      actions: r.actions as Prisma.InputJsonValue,
      limits: r.limits as Prisma.InputJsonValue,
      qualityGate: r.qualityGate as Prisma.InputJsonValue,
      nextRunAt: nextDue({ trigger: r.trigger, cron: r.cron ?? null, timeZone: r.timeZone ?? "UTC", isActive: r.isActive ?? true }),
    },
  });
  await syncUpcoming(db, row);
  return toRuleDto(db, row);
}

export async function deleteRule(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "write");
  await findRule(db, id);
  await db.scheduledTask.deleteMany({ where: { ruleId: id, status: "scheduled" } });
  await db.automationRule.deleteMany({ where: { id } });
}

export type Forecast = Estimate & {
  picked: { kind: Picked["kind"]; count: number; sample: string[] };
  budgets: BudgetLine[];
  /** Why an execution would not start now (a budget that cannot cover one item), or null. */
  blockedBy: string | null;
  nextRuns: Date[];
};

/** What the rule (saved, or being edited) would do on its next executions and what it would cost. */
export async function forecastRule(db: ScopedDb, rule: { id?: number; name: string; siteId: number; sectorId: number; trigger: string; cron?: string | null; timeZone?: string; conditions: RuleConfig["conditions"]; actions: { type: AutomationAction }[]; limits: RuleLimits }, now = new Date()): Promise<Forecast> {
  const timeZone = rule.timeZone ?? "UTC";
  const picked = await pickItems(db, { id: rule.id ?? 0, siteId: rule.siteId, sectorId: rule.sectorId, conditions: rule.conditions, actions: rule.actions, limits: rule.limits });
  const types = rule.actions.map((a) => a.type);
  const estimate = estimateChain(types, picked.ids.length, rule.limits.maxItems);
  const spend = rule.id ? await readSpend(db, { id: rule.id, siteId: rule.siteId, timeZone }, now) : { day: 0, month: 0, siteMonth: (await readSpend(db, { id: 0, siteId: rule.siteId, timeZone }, now)).siteMonth };
  const budgets = budgetLines(rule.limits, spend);
  const needed = picked.ids.length ? cheapestItem(types) : 0;
  const blockedBy = picked.ids.length === 0 ? "Nothing to pick right now: no item matches the rule's conditions." : budgetShortfall(rule, budgets, needed);
  const nextRuns = rule.trigger === "schedule" && rule.cron ? nextRunTimes(rule.cron, timeZone, now, 5) : [];
  return { ...estimate, picked: { kind: picked.kind, count: picked.ids.length, sample: picked.labels.slice(0, 5) }, budgets, blockedBy, nextRuns };
}

export async function forecastSavedRule(db: ScopedDb, id: number): Promise<Forecast> {
  const rule = toRuleConfig(await findRule(db, id));
  return forecastRule(db, rule);
}

export type ExecutionDto = Omit<AutomationExecution, "accountId">;

/**
 * Records an execution and starts its run. `triggerKey` makes a duplicated tick or event start
 * one execution (null when it already exists). Manual executions refuse work the remaining
 * budget cannot cover, naming the budget.
 */
export async function startExecution(db: ScopedDb, ctx: TenantContext, ruleRow: AutomationRule, trigger: "manual" | "schedule" | "event", triggerKey: string): Promise<{ execution: ExecutionDto; run: RunDto } | null> {
  const rule = toRuleConfig(ruleRow);
  const forecast = await forecastRule(db, rule);
  let execution: AutomationExecution;
  try {
    execution = await db.automationExecution.create({
      data: { accountId: rule.accountId, siteId: rule.siteId, sectorId: rule.sectorId, ruleId: rule.id, trigger, triggerKey, creditsEstimated: forecast.creditsHigh, startedById: ctx.userId, message: "Queued…" },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
  const run = await startRun(ctx, jobs.automationExecute, { executionId: execution.id }, { siteId: rule.siteId, sectorId: rule.sectorId, message: `Automation: ${rule.name}` });
  execution = await db.automationExecution.update({ where: { id: execution.id }, data: { runId: run.id } });
  await db.automationRule.updateMany({ where: { id: rule.id }, data: { lastRunAt: new Date() } });
  const { accountId: _a, ...dto } = execution;
  return { execution: dto, run };
}

/** "Run now": refuses when nothing fits the budget, so no run starts only to stop at once. */
export async function executeRule(db: ScopedDb, ctx: TenantContext, id: number): Promise<{ execution: ExecutionDto; run: RunDto; forecast: Forecast }> {
  assertCan(ctx.role, "write");
  const row = await findRule(db, id);
  const forecast = await forecastRule(db, toRuleConfig(row));
  if (forecast.blockedBy && forecast.picked.count > 0) throw new LimitExceededError(forecast.blockedBy, { name: "automation_budget", max: 0, current: 0, requested: 0 });
  if (forecast.picked.count === 0) throw new ConflictError(forecast.blockedBy ?? "Nothing to do.");
  const started = await startExecution(db, ctx, row, "manual", `manual:${randomUUID()}`);
  return { ...started!, forecast };
}

export async function listExecutions(db: ScopedDb, query: { ruleId: number; page: number; pageSize: number }): Promise<Paginated<ExecutionDto>> {
  await findRule(db, query.ruleId);
  const where = { ruleId: query.ruleId };
  const [count, rows] = await Promise.all([db.automationExecution.count({ where }), db.automationExecution.findMany({ where, orderBy: { id: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize })]);
  return { count, results: rows.map(({ accountId: _a, ...r }) => r) };
}

// Scheduled tasks ------------------------------------------------------------------------------

export type ScheduledTaskDto = Omit<ScheduledTask, "accountId"> & { ruleName: string };

async function visibleRuleIds(db: ScopedDb): Promise<Map<number, string>> {
  const rules = await db.automationRule.findMany({ select: { id: true, name: true } });
  return new Map(rules.map((r) => [r.id, r.name]));
}

/** Scheduled tasks of the rules the user can see (their sites). */
export async function listScheduledTasks(db: ScopedDb, query: ScheduledTaskListQuery): Promise<Paginated<ScheduledTaskDto>> {
  const names = await visibleRuleIds(db);
  const ruleIds = query.ruleId ? (names.has(query.ruleId) ? [query.ruleId] : []) : [...names.keys()];
  const where: Prisma.ScheduledTaskWhereInput = { ruleId: { in: ruleIds }, ...(query.status ? { status: query.status } : {}) };
  const { field, direction } = parseOrdering(query.ordering, ["dueAt", "id"] as const, "dueAt");
  const [count, rows] = await Promise.all([db.scheduledTask.count({ where }), db.scheduledTask.findMany({ where, orderBy: { [field]: direction }, skip: (query.page - 1) * query.pageSize, take: query.pageSize })]);
  return { count, results: rows.map(({ accountId: _a, ...r }) => ({ ...r, ruleName: names.get(r.ruleId) ?? "" })) };
}

async function findTask(db: ScopedDb, id: number): Promise<ScheduledTask & { ruleName: string }> {
  const task = await db.scheduledTask.findFirst({ where: { id } });
  const rule = task ? await db.automationRule.findFirst({ where: { id: task.ruleId }, select: { name: true } }) : null;
  if (!task || !rule) throw new NotFoundError("Scheduled task");
  return { ...task, ruleName: rule.name };
}

export async function getScheduledTask(db: ScopedDb, id: number): Promise<ScheduledTaskDto> {
  const { accountId: _a, ...task } = await findTask(db, id);
  return task;
}

/** One extra execution of a rule at a chosen time. */
export async function createScheduledTask(db: ScopedDb, ctx: TenantContext, input: CreateScheduledTaskInput): Promise<ScheduledTaskDto> {
  assertCan(ctx.role, "write");
  const rule = await findRule(db, input.ruleId);
  const existing = await db.scheduledTask.findFirst({ where: { ruleId: rule.id, dueAt: input.dueAt } });
  if (existing) throw new ConflictError("This rule already has an execution at that time.");
  const task = await db.scheduledTask.create({ data: { accountId: ctx.accountId, ruleId: rule.id, dueAt: input.dueAt } });
  return getScheduledTask(db, task.id);
}

/** Skip an upcoming execution (or put it back, or move it); past ones do not change. */
export async function updateScheduledTask(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateScheduledTaskInput): Promise<ScheduledTaskDto> {
  assertCan(ctx.role, "write");
  const task = await findTask(db, id);
  if (task.status !== "scheduled" && task.status !== "skipped") throw new ConflictError("This execution has already started; it cannot change.");
  const updated = await db.scheduledTask.updateMany({ where: { id, status: { in: ["scheduled", "skipped"] } }, data: { ...(input.status ? { status: input.status, message: input.status === "skipped" ? "Skipped by a user." : "" } : {}), ...(input.dueAt ? { dueAt: input.dueAt } : {}) } });
  if (!updated.count) throw new ConflictError("This execution has already started; it cannot change.");
  return getScheduledTask(db, id);
}

export async function deleteScheduledTask(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "write");
  const task = await findTask(db, id);
  if (task.status === "started") throw new ConflictError("This execution has already started; it stays in the history.");
  await db.scheduledTask.deleteMany({ where: { id } });
}

// Events ---------------------------------------------------------------------------------------

/**
 * Something happened on a site and sector: the active rules listening to it execute, once per
 * event (`eventKey`, e.g. the run that created the items: an event delivered twice acts once).
 * Never fails its caller.
 */
export async function emitAutomationEvent(db: ScopedDb, ctx: TenantContext, event: { type: AutomationEvent; siteId: number; sectorId: number; key: string }): Promise<number> {
  try {
    const rules = await db.automationRule.findMany({ where: { trigger: "event", eventType: event.type, isActive: true, siteId: event.siteId, sectorId: event.sectorId } });
    let started = 0;
    for (const rule of rules) {
      const forecast = await forecastRule(db, toRuleConfig(rule));
      if (forecast.picked.count === 0) continue;
      if (await startExecution(db, ctx, rule, "event", `event:${event.type}:${event.key}`)) started++;
    }
    return started;
  } catch (error) {
    log.warn("automation event not handled", { event: event.type, key: event.key, error: (error as Error).message });
    return 0;
  }
}

export type AutopilotSummary = { activeRules: number; next: { at: Date; ruleName: string; maxItems: number } | null; spentThisMonth: number };

/** The dashboard's autopilot line: what runs next and what automation spent this month on the site. */
export async function getAutopilotSummary(db: ScopedDb, siteId: number, now = new Date()): Promise<AutopilotSummary> {
  const rules = await db.automationRule.findMany({ where: { siteId, isActive: true }, select: { id: true, name: true, limits: true } });
  const next = rules.length ? await db.scheduledTask.findFirst({ where: { ruleId: { in: rules.map((r) => r.id) }, status: "scheduled", dueAt: { gte: now } }, orderBy: { dueAt: "asc" } }) : null;
  const rule = next ? rules.find((r) => r.id === next.ruleId) : undefined;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const spent = await db.automationItem.aggregate({ where: { siteId, status: { in: ["reserved", "done"] }, createdAt: { gte: monthStart } }, _sum: { credits: true } });
  return { activeRules: rules.length, next: next && rule ? { at: next.dueAt, ruleName: rule.name, maxItems: limitsSchema.parse(rule.limits ?? {}).maxItems } : null, spentThisMonth: spent._sum.credits ?? 0 };
}
