// Automation rules: trigger, conditions, the chain of actions, limits and budgets, quality gate.
// The same schemas validate the REST body, the server action and the stored JSON.
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";

/** The pipeline, in the order a chain must follow; each action takes what the previous one produced. */
export const AUTOMATION_ACTIONS = ["cluster", "generate_ideas", "queue_tasks", "generate_content", "generate_images", "optimize", "link", "review", "publish"] as const;
export type AutomationAction = (typeof AUTOMATION_ACTIONS)[number];

export const ACTION_LABELS: Record<AutomationAction, string> = {
  cluster: "Cluster keywords (AI)",
  generate_ideas: "Generate ideas",
  queue_tasks: "Queue tasks from ideas",
  generate_content: "Write articles",
  generate_images: "Plan and generate images",
  optimize: "Optimise",
  link: "Add internal links",
  review: "Send to review",
  publish: "Publish",
};

export const AUTOMATION_EVENTS = ["keywords.imported", "clusters.created", "ideas.created", "content.generated", "content.reviewed"] as const;
export type AutomationEvent = (typeof AUTOMATION_EVENTS)[number];
export const AUTOMATION_TRIGGERS = ["schedule", "event", "manual"] as const;

/** At most one run an hour: the minute field is a single number (e.g. "0 9 * * 1-5"). */
export function cronProblem(cron: string, timeZone = "UTC"): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return "Use five fields: minute hour day-of-month month day-of-week.";
  if (!/^\d{1,2}$/.test(fields[0]) || Number(fields[0]) > 59) return "The minute must be one number (0–59): a rule runs at most once an hour.";
  try {
    CronExpressionParser.parse(cron, { tz: timeZone }).next();
  } catch (error) {
    return `Not a valid schedule: ${(error as Error).message}.`;
  }
  return null;
}

export function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The next `count` times a schedule fires after `from`. */
export function nextRunTimes(cron: string, timeZone: string, from: Date, count: number): Date[] {
  const expression = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: from });
  return Array.from({ length: count }, () => expression.next().toDate());
}

const credits = z.coerce.number().int("Must be a whole number.").min(0, "A budget cannot be negative.").max(1_000_000);
const hour = z.coerce.number().int().min(0).max(23);

export const conditionsSchema = z
  .object({
    /** Keywords: volume at least this, difficulty at most this. */
    minVolume: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
    maxDifficulty: z.coerce.number().int().min(0).max(100).optional(),
    /** Articles picked by a chain that starts after writing: optimizer score at least this. */
    minScore: z.coerce.number().int().min(0).max(100).optional(),
  })
  .strict();

export const actionSchema = z
  .object({
    type: z.enum(AUTOMATION_ACTIONS, { error: `Unknown action; use one of ${AUTOMATION_ACTIONS.join(", ")}.` }),
    /** optimize: AI edits are accepted automatically only when the projected score reaches this. */
    autoAcceptAbove: z.coerce.number().int().min(0).max(100).optional(),
    /** publish: destination keys ("hosted", "integration:<id>"); none = the site's defaults. */
    destinations: z.array(z.string().trim().min(1).max(64)).max(10).optional(),
    /** publish: spread over days, at most this many a day between windowStart and windowEnd (site time). */
    maxPerDay: z.coerce.number().int().min(1).max(100).optional(),
    windowStart: hour.optional(),
    windowEnd: hour.optional(),
  })
  .strict()
  .refine((a) => a.windowStart === undefined || a.windowEnd === undefined || a.windowStart < a.windowEnd, { message: "The window must start before it ends.", path: ["windowEnd"] });
export type RuleAction = z.infer<typeof actionSchema>;

export const limitsSchema = z
  .object({
    maxItems: z.coerce.number().int().min(1, "At least one item.").max(100, "At most 100 items per execution.").default(5),
    dailyBudget: credits.nullable().optional(),
    monthlyBudget: credits.nullable().optional(),
    /** Shared by every rule of the site: its automation may spend at most this a month. */
    siteMonthlyBudget: credits.nullable().optional(),
  })
  .strict();
export type RuleLimits = z.infer<typeof limitsSchema>;

export const qualityGateSchema = z
  .object({
    minScore: z.coerce.number().int().min(0).max(100).default(70),
    minWords: z.coerce.number().int().min(0).max(20_000).default(600),
    requireFeaturedImage: z.boolean().default(false),
    noPlaceholders: z.boolean().default(true),
    requireMeta: z.boolean().default(true),
  })
  .strict();
export type QualityGate = z.infer<typeof qualityGateSchema>;

const ruleFields = z.object({
  name: z.string().trim().min(1, "Name is required.").max(200),
  description: z.string().trim().max(2000).optional(),
  isActive: z.boolean().optional(),
  trigger: z.enum(AUTOMATION_TRIGGERS),
  cron: z.string().trim().max(100).nullable().optional(),
  timeZone: z.string().trim().max(64).optional(),
  eventType: z.enum(AUTOMATION_EVENTS).nullable().optional(),
  conditions: conditionsSchema.default({}),
  actions: z.array(actionSchema).min(1, "Add at least one action.").max(AUTOMATION_ACTIONS.length),
  limits: limitsSchema.default({ maxItems: 5 }),
  qualityGate: qualityGateSchema.default({ minScore: 70, minWords: 600, requireFeaturedImage: false, noPlaceholders: true, requireMeta: true }),
});

type RuleShape = Partial<z.infer<typeof ruleFields>>;

/** Cross-field rules: a schedule needs a valid cron, an event a type, the chain the pipeline's order. */
function checkRule(rule: RuleShape, issue: (path: string, message: string) => void) {
  if (rule.timeZone !== undefined && !validTimeZone(rule.timeZone)) issue("timeZone", "Unknown time zone (use an IANA name such as Europe/Paris).");
  if (rule.trigger === "schedule") {
    if (!rule.cron) issue("cron", "A scheduled rule needs a schedule.");
    else {
      const problem = cronProblem(rule.cron, rule.timeZone && validTimeZone(rule.timeZone) ? rule.timeZone : "UTC");
      if (problem) issue("cron", problem);
    }
  }
  if (rule.trigger === "event" && !rule.eventType) issue("eventType", "An event rule needs an event.");
  if (rule.actions) {
    const order = rule.actions.map((a) => AUTOMATION_ACTIONS.indexOf(a.type));
    for (let i = 1; i < order.length; i++) {
      if (order[i] <= order[i - 1]) {
        issue(`actions.${i}`, `Actions run in the pipeline's order (${AUTOMATION_ACTIONS.join(" → ")}), each once: "${rule.actions[i].type}" cannot follow "${rule.actions[i - 1].type}".`);
        break;
      }
    }
  }
}

const refined = <S extends z.ZodType<RuleShape>>(schema: S) =>
  schema.superRefine((rule, ctx) => checkRule(rule, (path, message) => ctx.addIssue({ code: "custom", path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message })));

export const createRuleSchema = refined(ruleFields.extend({ siteId: idSchema, sectorId: idSchema }).strict());
export type CreateRuleInput = z.infer<typeof createRuleSchema>;
/** PUT and PATCH: any of the fields; the merged rule is checked again by the service. */
export const updateRuleSchema = refined(ruleFields.partial().strict());
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;
/** The stored rule, merged with an update, checked as a whole. */
export const storedRuleSchema = refined(ruleFields);

export const ruleListQuerySchema = listQuerySchema.extend({
  siteId: idSchema.optional(),
  sectorId: idSchema.optional(),
  trigger: z.enum(AUTOMATION_TRIGGERS).optional(),
  isActive: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type RuleListQuery = z.infer<typeof ruleListQuerySchema>;

export const executeRuleSchema = z.object({ confirmCredits: z.coerce.number().int().min(0).optional() }).strict();

export const SCHEDULED_TASK_STATUSES = ["scheduled", "started", "skipped", "failed"] as const;
export const scheduledTaskListQuerySchema = listQuerySchema.extend({ ruleId: idSchema.optional(), status: z.enum(SCHEDULED_TASK_STATUSES).optional() });
export type ScheduledTaskListQuery = z.infer<typeof scheduledTaskListQuerySchema>;
export const createScheduledTaskSchema = z.object({ ruleId: idSchema, dueAt: z.coerce.date({ error: "A date and time." }) }).strict();
export type CreateScheduledTaskInput = z.infer<typeof createScheduledTaskSchema>;
/** Skip an upcoming execution, put it back, or move it. */
export const updateScheduledTaskSchema = z.object({ status: z.enum(["scheduled", "skipped"]).optional(), dueAt: z.coerce.date().optional() }).strict();
export type UpdateScheduledTaskInput = z.infer<typeof updateScheduledTaskSchema>;

/** The preset of the empty state. */
export const PRESET_RULE = {
  name: "Weekday articles from the best ideas",
  description: "Every weekday at 09:00: write 2 articles from the best unqueued ideas and publish them to the hosted site if they score at least 70.",
  trigger: "schedule" as const,
  cron: "0 9 * * 1-5",
  timeZone: "UTC",
  conditions: {},
  actions: [{ type: "queue_tasks" as const }, { type: "generate_content" as const }, { type: "review" as const }, { type: "publish" as const, destinations: ["hosted"] }],
  limits: { maxItems: 2, dailyBudget: 30, monthlyBudget: 500 },
  qualityGate: { minScore: 70, minWords: 600, requireFeaturedImage: false, noPlaceholders: true, requireMeta: true },
};
