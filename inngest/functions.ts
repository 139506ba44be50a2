// The Inngest provider's functions, built from the job table (lib/jobs/table.ts): one function per
// job, `step.run` per step and per item, concurrency keyed on the account across all functions
// (so it bounds an account's items in flight, like the local queue's slots), cancelled by the
// run's cancel event; and one cron function per schedule. The handlers are the same as locally.
import { NonRetriableError } from "inngest";
import type { JobDefinition, RunEventData } from "@/lib/jobs/define";
import { executeJob, type StepRuntime } from "@/lib/jobs/execute";
import { accountConcurrency, RUN_RETRIES } from "@/lib/jobs/mode";
import { failRun, findStep } from "@/lib/jobs/store";
import { ALL_JOBS, ALL_SCHEDULES } from "@/lib/jobs/table";
import { describeFailure } from "@/lib/failures";
import { log } from "@/lib/log";
import { inngest } from "./client";

export const RUN_CANCEL_EVENT = "system/run.cancel-requested";

/** The step API, narrowed to what the job layer uses (Inngest's own types are deeply generic). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- step results are JSON; the job layer narrows them
type Steps = { run: (id: string, fn: () => Promise<any>) => Promise<any> };

export function inngestSteps(step: Steps, runId: string): StepRuntime {
  return {
    step: (name, fn) => step.run(name, fn),
    item: (key, fn) => step.run(key, fn),
    // A retry of the failed items is a new Inngest run: the items that succeeded before are in run_steps.
    recorded: (name) => findStep(runId, name),
    // Inngest's concurrency key does this.
    withSlot: (_accountId, fn) => fn(),
    interrupted: () => false,
  };
}

export function jobFunction(job: JobDefinition) {
  return inngest.createFunction(
    {
      id: job.name,
      retries: RUN_RETRIES,
      concurrency: [{ scope: "env", key: "event.data.accountId", limit: accountConcurrency() }],
      cancelOn: [{ event: RUN_CANCEL_EVENT, match: "data.runId" }],
      onFailure: async ({ event, error }: { event: { data: { event: { data: RunEventData } } }; error: Error }) => {
        await failRun(event.data.event.data.runId, describeFailure(error).message);
      },
      triggers: [{ event: job.event }],
    },
    async ({ event, step }) => {
      const data = event.data as RunEventData;
      try {
        await executeJob(job, data, inngestSteps(step as unknown as Steps, data.runId));
      } catch (error) {
        const failure = describeFailure(error);
        log.error("run failed", { runId: data.runId, job: job.name, error });
        if (!failure.retriable) throw new NonRetriableError(failure.message, { cause: error });
        throw error;
      }
    },
  );
}

export const functions = [
  ...ALL_JOBS.map(jobFunction),
  ...ALL_SCHEDULES.map((schedule) =>
    inngest.createFunction({ id: schedule.name, retries: 1, triggers: [{ cron: schedule.cron }] }, async ({ step }) => step.run("tick", async () => (await schedule.handler()).default())),
  ),
];
