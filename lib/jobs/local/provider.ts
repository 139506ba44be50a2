// The local provider (the zero-config default): PostgreSQL is the queue. A run row is its own queue
// entry; each process claims due runs (FOR UPDATE SKIP LOCKED) under a lease that its heartbeat
// renews, so a killed process's runs are claimed again by another once the lease expires, and two
// processes never drive the same run while both are alive. Items hold per-account slots
// (./slots.ts). A run whose handler fails outside its items is retried with backoff. Recurring
// schedules (job_schedules) are ticked by whichever process claims the due row.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { env } from "@/lib/config/env";
import { describeFailure } from "@/lib/failures";
import type { Run } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import type { RunEventData, RunRef } from "../define";
import { executeJob, forgetGate, RunInterrupted, runRef, type StepRuntime } from "../execute";
import { accountConcurrency, RUN_RETRIES } from "../mode";
import type { DispatchedRun, JobProvider } from "../provider";
import { claimDueSchedules, claimRuns, countOpenRuns, failRun, loadSteps, registerSchedules, releaseRun, renewRunLeases, renewSlots, retryRunLater, saveStep, type StepRow } from "../store";
import { ALL_JOBS, ALL_SCHEDULES, jobByName } from "../table";
import { AccountSlots } from "./slots";

export type LocalOptions = { leaseMs?: number; pollMs?: number; runsPerProcess?: number; schedules?: boolean };

type Active = { lost: boolean; done: Promise<void> };

export class LocalJobProvider implements JobProvider {
  readonly name = "local" as const;
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, Active>();
  private readonly slots: AccountSlots;
  private running = false;
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;
  private lastScheduleTick = 0;

  constructor(private readonly options: LocalOptions = {}) {
    this.slots = new AccountSlots(this.owner, { count: accountConcurrency, leaseMs: () => this.leaseMs, pollMs: 100 });
  }

  private get leaseMs() {
    return this.options.leaseMs ?? env.JOBS_LEASE_MS;
  }
  private get pollMs() {
    return this.options.pollMs ?? env.JOBS_POLL_INTERVAL_MS;
  }

  async dispatch(_run: DispatchedRun): Promise<void> {
    this.start();
    this.poke();
  }

  async cancel(runId: string): Promise<void> {
    // The status is already "cancelled": items read it before they start, here at once, in other
    // processes within 250 ms.
    forgetGate(runId);
  }

  async emit(): Promise<void> {
    // Nothing outside the process listens locally (in-process listeners: lib/publishing/hooks.ts).
  }

  describe() {
    return { mode: `local queue in PostgreSQL (process ${this.owner})`, activeRuns: this.active.size };
  }

  /** Starts claiming runs and ticking schedules (idempotent). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.loop = this.work();
    const beat = Math.max(200, Math.floor(this.leaseMs / 3));
    this.heartbeat = setInterval(() => void this.renew(), beat);
    this.heartbeat.unref?.();
  }

  /** Stops claiming, lets go of this process's runs and slots (another process takes them over at once). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const entry of this.active.values()) entry.lost = true;
    this.wake?.();
    await this.loop;
    await Promise.race([Promise.allSettled([...this.active.values()].map((a) => a.done)), new Promise((r) => setTimeout(r, 5_000))]);
    await this.slots.stop().catch(() => undefined);
  }

  /** Wakes the claim loop (a run was recorded here, or a run of this process ended). */
  poke(): void {
    this.wake?.();
  }

  get activeRuns(): number {
    return this.active.size;
  }

  /** Scripts and tests: waits until no run is open in the database (this process drives what is due). */
  async idle(timeoutMs = 60_000): Promise<void> {
    this.start();
    const until = Date.now() + timeoutMs;
    for (;;) {
      await Promise.allSettled([...this.active.values()].map((a) => a.done));
      if (!this.active.size && (await countOpenRuns()) === 0) return;
      if (Date.now() > until) throw new Error(`Runs still open after ${timeoutMs} ms.`);
      this.poke();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async work(): Promise<void> {
    const jobNames = ALL_JOBS.map((j) => j.name);
    if (this.options.schedules !== false) {
      await registerSchedules(ALL_SCHEDULES.map((s) => ({ name: s.name, intervalMs: s.everyMs() }))).catch((error) => log.warn("could not register job schedules", { error }));
    }
    while (!this.stopped) {
      let full = false;
      try {
        await this.tickSchedules();
        const free = (this.options.runsPerProcess ?? env.JOBS_RUNS_PER_PROCESS) - this.active.size;
        const claimed = await claimRuns(this.owner, jobNames, free, this.leaseMs, accountConcurrency());
        for (const run of claimed) this.drive(run);
        full = free > 0 && claimed.length === free;
      } catch (error) {
        log.warn("job queue poll failed; trying again", { error });
      }
      if (full || this.stopped) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.pollMs).unref?.();
      });
      this.wake = undefined;
    }
  }

  private drive(row: Run): void {
    const entry: Active = { lost: false, done: Promise.resolve() };
    this.active.set(row.id, entry);
    entry.done = this.execute(row, entry).finally(() => {
      this.active.delete(row.id);
      this.poke();
    });
  }

  private async execute(row: Run, entry: Active): Promise<void> {
    const job = jobByName(row.functionId);
    const data = row.eventData as RunEventData;
    try {
      if (!job) throw Object.assign(new Error(`Unknown job ${row.functionId}`), { retriable: false });
      const memo = await loadSteps(row.id);
      await executeJob(job, data, new LocalSteps(runRef(data), memo, this.slots, () => entry.lost || this.stopped));
    } catch (error) {
      if (error instanceof RunInterrupted || entry.lost || this.stopped) return;
      const failure = job ? describeFailure(error) : { retriable: false, message: "This kind of run is no longer supported." };
      log.error("run failed", { runId: row.id, job: row.functionId, attempt: row.attempts, error });
      if (failure.retriable && row.attempts <= RUN_RETRIES) {
        await retryRunLater(row.id, this.owner, Math.min(60_000, env.AI_ITEM_RETRY_BASE_MS * 2 ** row.attempts)).catch(() => undefined);
      } else {
        await failRun(row.id, failure.message).catch((e) => log.error("could not record a failed run", { runId: row.id, error: e }));
      }
    } finally {
      await releaseRun(row.id, this.owner).catch(() => undefined);
    }
  }

  private async renew(): Promise<void> {
    try {
      const ids = [...this.active.keys()];
      const held = await renewRunLeases(this.owner, ids, this.leaseMs);
      for (const id of ids) {
        const entry = this.active.get(id);
        if (entry && !held.has(id)) entry.lost = true; // cancelled, finished elsewhere, or taken over
      }
      await renewSlots(this.owner, this.leaseMs);
    } catch (error) {
      log.warn("job lease renewal failed", { error });
    }
  }

  private async tickSchedules(): Promise<void> {
    if (this.options.schedules === false || Date.now() - this.lastScheduleTick < 1_000) return;
    this.lastScheduleTick = Date.now();
    const due = await claimDueSchedules(ALL_SCHEDULES.map((s) => s.name));
    for (const name of due) {
      const schedule = ALL_SCHEDULES.find((s) => s.name === name)!;
      void schedule
        .handler()
        .then((m) => m.default())
        .catch((error) => log.warn("scheduled job failed", { schedule: name, error }));
    }
  }
}

/** Steps memoised in run_steps; items hold the account's slots. */
class LocalSteps implements StepRuntime {
  constructor(
    private readonly run: RunRef,
    private readonly memo: Map<string, StepRow>,
    private readonly slots: AccountSlots,
    readonly interrupted: () => boolean,
  ) {}

  async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const hit = this.memo.get(name);
    if (hit) return hit.result as T;
    const value = await fn();
    if (this.interrupted()) throw new RunInterrupted();
    await saveStep(this.run, name, value);
    this.memo.set(name, { name, item: false, status: "succeeded", result: value, error: null });
    return value;
  }

  item<T>(_key: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async recorded(name: string): Promise<StepRow | undefined> {
    return this.memo.get(name);
  }

  withSlot<T>(accountId: number, fn: () => Promise<T>): Promise<T> {
    return this.slots.hold(accountId, fn);
  }
}
