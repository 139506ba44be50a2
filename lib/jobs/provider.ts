// One small interface in front of where runs execute. `instrumentation.ts` registers the provider
// at start-up (the Inngest one lives in inngest/, so lib/ never imports it); without a
// registration, the local PostgreSQL queue is used (scripts, tests). Kept on globalThis: Next
// bundles instrumentation and route handlers separately.
import type { JobDefinition, RunEventData } from "./define";
import { LocalJobProvider } from "./local/provider";

export type DispatchedRun = { id: string; accountId: number; job: JobDefinition; data: RunEventData; /** >0 when failed items are retried */ retry: number };

export interface JobProvider {
  readonly name: "local" | "inngest";
  /** The run is recorded (status pending): execute it. */
  dispatch(run: DispatchedRun): Promise<void>;
  /** The run is marked cancelled: stop it before its next item. */
  cancel(runId: string): Promise<void>;
  /** A notification for other systems (Inngest: an event; locally nothing listens). */
  emit(name: string, data: Record<string, unknown>): Promise<void>;
  describe(): { mode: string; activeRuns: number | null };
}

const state = globalThis as unknown as { __jobProvider?: JobProvider };

export function setJobProvider(provider: JobProvider | undefined): void {
  state.__jobProvider = provider;
}

export function jobProvider(): JobProvider {
  state.__jobProvider ??= new LocalJobProvider();
  return state.__jobProvider;
}
