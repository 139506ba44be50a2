// REST response schemas of runs (the API description and contract tests read them).
import { z } from "zod";
import { RunLogEntryModel, RunModel, RunStatusSchema } from "@/lib/generated/model-schemas";

export const runResponse = RunModel.omit({ steps: true, stepStack: true, eventData: true, leaseOwner: true, leaseExpiresAt: true, runAfter: true, attempts: true }).extend({
  startedBy: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable().optional(),
  percent: z.number(),
  durationMs: z.number().nullable(),
});

/** What every "start background work" action answers (202). */
export const startedRunResponse = z.object({ taskId: z.string().describe("The run id: poll /api/v1/system/settings/task_progress/{id}/"), run: runResponse });

export const runLogEntryResponse = RunLogEntryModel;

export const taskProgressResponse = z.object({
  taskId: z.string(),
  state: z.enum(["pending", "progress", "success", "failure"]),
  status: RunStatusSchema,
  kind: z.string(),
  meta: z.object({ current: z.number().int(), total: z.number().int(), percentage: z.number(), message: z.string(), succeeded: z.number().int(), failed: z.number().int() }),
  succeeded: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ item: z.string(), error: z.string().nullable() })).describe("The failed items (up to 100) and why each failed"),
  result: z.unknown(),
  error: z.string().nullable(),
  credits: z.number().int(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
