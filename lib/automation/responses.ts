// REST response schemas of automation (the API description and contract tests read them).
import { z } from "zod";
import { AutomationExecutionModel, AutomationRuleModel, ScheduledTaskModel } from "@/lib/generated/model-schemas";
import { runResponse } from "@/lib/runs/responses";

const json = z.record(z.string(), z.unknown());

export const ruleResponse = AutomationRuleModel.omit({ accountId: true, conditions: true, actions: true, limits: true, qualityGate: true }).extend({
  conditions: json,
  actions: z.array(json),
  limits: json,
  qualityGate: json,
  spentToday: z.number().int(),
  spentThisMonth: z.number().int(),
  lastExecution: z.object({ id: z.number().int(), status: z.string(), message: z.string(), creditsSpent: z.number().int(), createdAt: z.date() }).nullable(),
});

export const executionResponse = AutomationExecutionModel.omit({ accountId: true });

export const forecastResponse = z.object({
  actions: z.array(z.object({ action: z.string(), itemsLow: z.number().int(), itemsHigh: z.number().int(), creditsLow: z.number().int(), creditsHigh: z.number().int() })),
  creditsLow: z.number().int(),
  creditsHigh: z.number().int(),
  publishesLow: z.number().int(),
  publishesHigh: z.number().int(),
  picked: z.object({ kind: z.string(), count: z.number().int(), sample: z.array(z.string()) }),
  budgets: z.array(z.object({ name: z.string(), label: z.string(), limit: z.number().int(), spent: z.number().int(), remaining: z.number().int() })),
  blockedBy: z.string().nullable(),
  nextRuns: z.array(z.date()),
});

export const executeResponse = z.object({ taskId: z.string().describe("The run id: poll /api/v1/system/settings/task_progress/{id}/"), run: runResponse, execution: executionResponse, forecast: forecastResponse });

export const scheduledTaskResponse = ScheduledTaskModel.omit({ accountId: true }).extend({ ruleName: z.string() });
