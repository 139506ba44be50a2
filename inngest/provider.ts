// The Inngest provider: runs are events for an Inngest server (Cloud or self-hosted), which calls
// /api/inngest to execute the functions of inngest/functions.ts. Registered by instrumentation.ts.
import type { DispatchedRun, JobProvider } from "@/lib/jobs/provider";
import { setJobProvider } from "@/lib/jobs/provider";
import { env } from "@/lib/config/env";
import { inngest } from "./client";
import { RUN_CANCEL_EVENT } from "./functions";

export class InngestJobProvider implements JobProvider {
  readonly name = "inngest" as const;

  async dispatch(run: DispatchedRun): Promise<void> {
    // The event id deduplicates sends; a retry of failed items is a new event (and a new function run).
    await inngest.send({ id: run.retry ? `${run.id}:retry-${run.retry}` : run.id, name: run.job.event, data: run.data });
  }

  async cancel(runId: string): Promise<void> {
    await inngest.send({ name: RUN_CANCEL_EVENT, data: { runId } });
  }

  async emit(name: string, data: Record<string, unknown>): Promise<void> {
    await inngest.send({ name, data });
  }

  describe() {
    return { mode: `Inngest (${env.INNGEST_BASE_URL ?? (env.INNGEST_DEV ? "dev server" : "Inngest Cloud")})`, activeRuns: null };
  }
}

export function registerInngestProvider(): void {
  setJobProvider(new InngestJobProvider());
}
