// The in-process runtime: runs the same Inngest functions without an Inngest server.
//
// It speaks the executor protocol to the functions' own serve handler (public API only): post the
// event plus the memoised step results; the SDK answers with the step it ran (206 StepRun), a step
// that failed (StepError: retry with backoff; StepFailed: memoise the error), steps to run side by
// side (StepPlanned: run each by id), or the function's return value (200). Every finished step is
// persisted in the run row before the next request, so a restarted process resumes from the last
// finished step (steps are idempotent for the one that was cut off). Every request holds a slot of
// the account's concurrency cap. Cron, fan-out across processes and flow control are Inngest's job.
import { serve } from "inngest/edge";
import { inngest, INNGEST_APP_ID } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { log } from "@/lib/log";
import { ACCOUNT_CONCURRENCY, RUN_RETRIES } from "./mode";
import { closeRun, countRetry, interruptedRunIds, loadRun, markRunning, runStatus, saveStep, type StepMemo } from "./store";

type Op = { id: string; op: string; name?: string; data?: unknown; error?: { message?: string } };
type RunState = { id: string; accountId: number; functionId: string; event: Record<string, unknown>; steps: Record<string, StepMemo>; stack: string[] };

export type RuntimeOptions = {
  concurrencyPerAccount?: number;
  /** First retry delay; doubles per attempt (capped at 30 s). */
  retryBaseMs?: number;
  /** Called after each step is persisted (tests use it to stop a runtime mid-run). */
  onStepSaved?: (runId: string, stepName: string) => void;
};

const MAX_ATTEMPTS = RUN_RETRIES + 1;

export class InProcessRuntime {
  private readonly handler = serve({ client: inngest, functions });
  private readonly driving = new Map<string, Promise<void>>();
  private readonly slots = new Map<number, { active: number; waiting: (() => void)[] }>();
  private stopped = false;

  constructor(private readonly options: RuntimeOptions = {}) {}

  /** Starts driving a run (no-op when it is already being driven here). */
  enqueue(runId: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    let promise = this.driving.get(runId);
    if (!promise) {
      promise = this.drive(runId)
        .catch((error) => {
          // e.g. the database went away: the run stays open; try again shortly.
          log.error("run driver crashed; retrying in 5 s", { runId, error });
          setTimeout(() => void this.enqueue(runId), this.options.retryBaseMs ? this.options.retryBaseMs * 10 : 5_000).unref?.();
        })
        .finally(() => this.driving.delete(runId));
      this.driving.set(runId, promise);
    }
    return promise;
  }

  /** On boot: picks up every run that was pending or running when the process died. */
  async resumeInterrupted(): Promise<string[]> {
    const ids = await interruptedRunIds();
    for (const id of ids) void this.enqueue(id);
    if (ids.length) log.info("resuming interrupted runs", { count: ids.length });
    return ids;
  }

  /** Runs this process is driving right now (the system status page shows it). */
  get activeRuns(): number {
    return this.driving.size;
  }

  /** Waits until every run being driven has stopped. */
  async idle(): Promise<void> {
    while (this.driving.size) await Promise.allSettled([...this.driving.values()]);
  }

  /** Stops issuing requests; answers still in flight are dropped, as if the process had died. */
  stop(): void {
    this.stopped = true;
  }

  private async drive(runId: string): Promise<void> {
    const run = await loadRun(runId);
    if (!run || (run.status !== "pending" && run.status !== "running")) return;
    await markRunning(runId);
    const state: RunState = {
      id: run.id,
      accountId: run.accountId,
      functionId: run.functionId,
      event: { name: run.eventName, data: run.eventData, id: run.id, ts: run.createdAt.getTime() },
      steps: (run.steps ?? {}) as Record<string, StepMemo>,
      stack: run.stepStack ?? [],
    };
    let functionAttempt = 0;
    let stepAttempt = 0;
    while (!this.stopped) {
      if (await this.cancelled(runId)) return;
      const response = await this.call(state, "step", stepAttempt || functionAttempt);
      if (!response || this.stopped) return;
      if (response.status === 200) {
        await closeRun(runId, { status: "succeeded", result: response.body });
        return;
      }
      if (response.status === 206) {
        const ops = response.body as Op[];
        const planned = ops.filter((op) => op.op === "StepPlanned");
        if (planned.length) {
          await Promise.all(planned.map((op) => this.runPlanned(state, op)));
          continue;
        }
        for (const op of ops) {
          if (op.op === "StepError") {
            stepAttempt++;
            await countRetry(runId);
            await this.backoff(stepAttempt);
          } else if (await this.record(state, op)) {
            stepAttempt = 0;
          } else {
            await closeRun(runId, { status: "failed", error: `Unsupported step "${op.name}" (${op.op}) in the in-process runtime.` });
            return;
          }
        }
        continue;
      }
      // The function itself threw: retry it unless the SDK said not to, or attempts are used up.
      const message = errorMessage(response.body) ?? `The function failed (${response.status}).`;
      if (response.noRetry || functionAttempt + 1 >= MAX_ATTEMPTS) {
        await closeRun(runId, { status: "failed", error: message });
        return;
      }
      functionAttempt++;
      await countRetry(runId);
      await this.backoff(functionAttempt);
    }
  }

  /** Runs one of several parallel steps to its end (data or final error). */
  private async runPlanned(state: RunState, planned: Op): Promise<void> {
    for (let attempt = 0; !this.stopped; ) {
      if (state.steps[planned.id]) return;
      if (await this.cancelled(state.id)) return;
      const response = await this.call(state, planned.id, attempt);
      if (!response || this.stopped) return;
      const op = response.status === 206 ? (response.body as Op[]).find((o) => o.id === planned.id) : undefined;
      if (op && (await this.record(state, op))) return;
      attempt++;
      await countRetry(state.id);
      if (attempt >= MAX_ATTEMPTS) {
        await this.persist(state, planned.id, planned.name ?? planned.id, { type: "error", error: { name: "Error", message: errorMessage(response.body) ?? "The step failed." } });
        return;
      }
      await this.backoff(attempt);
    }
  }

  /** Persists a finished step; false when the op is not one this runtime understands. */
  private async record(state: RunState, op: Op): Promise<boolean> {
    if (op.op === "StepRun") await this.persist(state, op.id, op.name ?? op.id, { type: "data", data: op.data ?? null });
    else if (op.op === "StepFailed") await this.persist(state, op.id, op.name ?? op.id, { type: "error", error: op.error ?? { message: "The step failed." } });
    else return false;
    return true;
  }

  private async persist(state: RunState, stepId: string, name: string, memo: StepMemo) {
    if (this.stopped) return;
    await saveStep(state.id, stepId, memo);
    state.steps[stepId] = memo;
    state.stack.push(stepId);
    this.options.onStepSaved?.(state.id, name);
  }

  private async call(state: RunState, stepId: string, attempt: number): Promise<{ status: number; body: unknown; noRetry: boolean } | null> {
    const release = await this.slot(state.accountId);
    try {
      if (this.stopped) return null;
      const url = `http://localhost/api/inngest?fnId=${encodeURIComponent(`${INNGEST_APP_ID}-${state.functionId}`)}&stepId=${encodeURIComponent(stepId)}`;
      const body = {
        event: state.event,
        events: [state.event],
        steps: state.steps,
        version: 2,
        ctx: { run_id: state.id, attempt, max_attempts: MAX_ATTEMPTS, disable_immediate_execution: false, use_api: false, stack: { stack: state.stack, current: Math.max(0, state.stack.length - 1) } },
      };
      const response = await this.handler(new Request(url, { method: "POST", headers: { "content-type": "application/json", host: "localhost" }, body: JSON.stringify(body) }));
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* keep the text */
      }
      return { status: response.status, body: parsed, noRetry: response.headers.get("x-inngest-no-retry") === "true" };
    } finally {
      release();
    }
  }

  private async slot(accountId: number): Promise<() => void> {
    const limit = this.options.concurrencyPerAccount ?? ACCOUNT_CONCURRENCY;
    let slot = this.slots.get(accountId);
    if (!slot) this.slots.set(accountId, (slot = { active: 0, waiting: [] }));
    if (slot.active >= limit) await new Promise<void>((resolve) => slot!.waiting.push(resolve));
    else slot.active++;
    return () => {
      const next = slot!.waiting.shift();
      if (next) next();
      else slot!.active--;
    };
  }

  private readonly statusChecks = new Map<string, { at: number; cancelled: Promise<boolean> }>();

  /** Whether the run was cancelled; read at most every 250 ms per run (parallel steps share it). */
  private cancelled(runId: string): Promise<boolean> {
    const cached = this.statusChecks.get(runId);
    if (cached && Date.now() - cached.at < 250) return cached.cancelled;
    const cancelled = runStatus(runId).then((status) => status === "cancelled" || status === null);
    this.statusChecks.set(runId, { at: Date.now(), cancelled });
    return cancelled;
  }

  private backoff(attempt: number) {
    const base = this.options.retryBaseMs ?? 1000;
    return new Promise((resolve) => setTimeout(resolve, Math.min(30_000, base * 2 ** (attempt - 1))));
  }
}

function errorMessage(body: unknown): string | undefined {
  if (body && typeof body === "object") {
    const b = body as { message?: string; error?: string | { message?: string } };
    if (typeof b.message === "string") return b.message;
    if (typeof b.error === "string") return b.error;
    if (b.error && typeof b.error === "object" && b.error.message) return b.error.message;
  }
  return typeof body === "string" && body ? body.slice(0, 500) : undefined;
}

const globalRuntime = globalThis as unknown as { __inProcessRuntime?: InProcessRuntime };

/** The process-wide runtime (one per server process, shared by every module instance). */
export function getRuntime(): InProcessRuntime {
  globalRuntime.__inProcessRuntime ??= new InProcessRuntime();
  return globalRuntime.__inProcessRuntime;
}

/** Tests: swap the runtime (e.g. to simulate a restart). */
export function setRuntime(runtime: InProcessRuntime | undefined): void {
  globalRuntime.__inProcessRuntime = runtime;
}
