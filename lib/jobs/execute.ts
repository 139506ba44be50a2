// Runs one job's handler for one run, on whichever provider: the provider supplies how a step is
// memoised and how an item holds the account's concurrency slot (StepRuntime); the rest (items,
// retries in place, cancellation, fatal failures, honest closing status) is the same everywhere.
import { env } from "@/lib/config/env";
import { scoped } from "@/lib/db/scoped";
import { describeFailure } from "@/lib/failures";
import { log } from "@/lib/log";
import { contextForRun } from "@/lib/runs/context";
import type { ItemAttempt, ItemDone, ItemOutcome, JobDefinition, JobIO, JobItem, JobSummary, RunEventData, RunRef } from "./define";
import { ITEM_ATTEMPTS } from "./mode";
import { closeRun, failedItemErrors, haltRun, readCounts, readGate, recordItem, setProgress, startProgress, type Gate, type StepRow } from "./store";

export interface StepRuntime {
  /** A named step, run once per run (its JSON result is memoised). */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** An item's step (Inngest: a step of its own; locally the item's row is its memo). */
  item<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** A step this run recorded earlier (e.g. before a retry of its failed items). */
  recorded(name: string): Promise<StepRow | undefined>;
  /** Holds one of the account's concurrency slots while `fn` runs. */
  withSlot<T>(accountId: number, fn: () => Promise<T>): Promise<T>;
  /** This process must stop driving the run (it lost its lease, or it is shutting down). */
  interrupted(): boolean;
}

/** The run stopped being ours (lease lost, shutdown): another process finishes it; not a failure. */
export class RunInterrupted extends Error {
  constructor() {
    super("The run was handed over to another process.");
  }
}

const CANCELLED = Symbol("cancelled");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function runRef(data: RunEventData): RunRef {
  return { id: data.runId, accountId: data.accountId, userId: data.userId ?? null, siteId: data.siteId ?? null, sectorId: data.sectorId ?? null };
}

export async function executeJob(job: JobDefinition, data: RunEventData, runtime: StepRuntime): Promise<void> {
  const run = runRef(data);
  const payload = job.payload.parse(data);
  const ctx = await contextForRun(run);
  const db = scoped(ctx);
  const { default: handler } = await job.handler();
  const summary = await handler({ ctx, db, payload, run, io: createIO(job, run, runtime) });
  if (runtime.interrupted()) throw new RunInterrupted();
  await runtime.step("finish", async () => {
    await finish(run.id, summary);
    return null;
  });
}

/** Succeeded when no item failed; failed when items ran and none succeeded; otherwise completed with errors. */
async function finish(runId: string, summary: JobSummary): Promise<void> {
  const counts = await readCounts(runId);
  if (!counts || (counts.status !== "pending" && counts.status !== "running")) return;
  const errors = counts.failed ? await failedItemErrors(runId) : [];
  const status = counts.failed === 0 ? "succeeded" : counts.succeeded === 0 ? "failed" : "completed_with_errors";
  // A failed run leads with why; one that completed with errors with what it did.
  const message = status === "failed" ? `${errors.join(" ")} ${summary.message}` : counts.failed ? `${summary.message} ${counts.failed} failed: ${errors.join(" ")}` : summary.message;
  await closeRun(runId, {
    status,
    message,
    result: { ...summary.result, succeeded: counts.succeeded, failed: counts.failed, errors },
    error: counts.failed ? errors.join(" ") : null,
  });
}

// A run's status and halt reason, read at most every 250 ms per run (its items share the answer).
const gates = new Map<string, { at: number; gate: Promise<Gate> }>();
function gateFor(runId: string, fresh = false): Promise<Gate> {
  const cached = gates.get(runId);
  if (!fresh && cached && Date.now() - cached.at < 250) return cached.gate;
  const gate = readGate(runId);
  gates.set(runId, { at: Date.now(), gate });
  if (gates.size > 1000) gates.delete(gates.keys().next().value!);
  return gate;
}
/** A cancel in this process is seen by the next item at once (other processes: within 250 ms). */
export function forgetGate(runId: string): void {
  gates.delete(runId);
}
const stopped = (gate: Gate) => gate.status === null || gate.status === "cancelled";

function createIO(job: JobDefinition, run: RunRef, runtime: StepRuntime): JobIO {
  const cancelledOutcome = (key: string) => ({ key, ok: false as const, error: "Cancelled.", cancelled: true });

  async function runItem<I, R>(item: JobItem<I>, work: (input: I, attempt: ItemAttempt) => Promise<ItemDone<R>>, message: string | null): Promise<ItemOutcome<R>> {
    const prior = await runtime.recorded(item.key);
    if (prior?.item) return prior.result as ItemOutcome<R>;
    const record = async (outcome: ItemOutcome<R>, attempts: number) => {
      await recordItem(run, outcome as ItemOutcome<unknown>, attempts, outcome.ok ? message : null);
      return outcome;
    };
    for (let attempt = 1; ; attempt++) {
      const gate = await gateFor(run.id);
      if (runtime.interrupted() || stopped(gate)) return cancelledOutcome(item.key);
      if (gate.haltedReason) return record({ key: item.key, ok: false, error: gate.haltedReason }, attempt);
      try {
        const done = await runtime.withSlot(run.accountId, async () => {
          // The slot may have taken a while: a cancel meanwhile stops the item here.
          if (runtime.interrupted() || stopped(await gateFor(run.id))) throw CANCELLED;
          return work(item.input, { key: item.key, attempt, finalAttempt: attempt >= ITEM_ATTEMPTS });
        });
        return record({ key: item.key, ok: true, result: done.result, credits: done.credits ?? 0 }, attempt);
      } catch (error) {
        if (error === CANCELLED) return cancelledOutcome(item.key);
        const failure = describeFailure(error);
        log.warn("job item failed", { runId: run.id, job: job.name, item: item.key, attempt, error });
        if (failure.fatal) {
          await haltRun(run.id, failure.message);
          void gateFor(run.id, true);
          return record({ key: item.key, ok: false, error: failure.message }, attempt);
        }
        if (failure.retriable && attempt < ITEM_ATTEMPTS) {
          await sleep(env.AI_ITEM_RETRY_BASE_MS * 2 ** (attempt - 1));
          continue;
        }
        return record({ key: item.key, ok: false, error: failure.message }, attempt);
      }
    }
  }

  return {
    step: (name, fn) => runtime.step(name, fn),
    async items(items, work, options = {}) {
      const message = options.message ?? null;
      const one = (item: (typeof items)[number]) => runtime.item(item.key, () => runItem(item, work, message));
      if (options.sequential) {
        const outcomes = [];
        for (const item of items) {
          const outcome = await one(item);
          outcomes.push(outcome);
          if (!outcome.ok && outcome.cancelled) break;
        }
        return [...outcomes, ...items.slice(outcomes.length).map((item) => cancelledOutcome(item.key))] as never;
      }
      // Every item settles before the step goes on (no item keeps working behind a failed sibling).
      const settled = await Promise.allSettled(items.map((item) => one(item)));
      const rejected = settled.find((s) => s.status === "rejected");
      if (rejected) throw (rejected as PromiseRejectedResult).reason;
      return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as never;
    },
    start: async (total, message) => {
      await runtime.step("start", () => startProgress(run.id, total, message).then(() => null));
    },
    progress: (progress) => setProgress(run.id, progress),
  };
}
