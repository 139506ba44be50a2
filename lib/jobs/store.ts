// The job layer's SQL on runs, run_steps, job_slots and job_schedules. A named place of the
// unscoped client (lib/db/README.md): the queue serves every account, before any request context
// exists; every statement names its run or account explicitly. Times are compared in SQL only
// (now()), so leases agree across processes whatever their clocks say.
import { rootDb } from "@/lib/db/client";
import { Prisma, type Run } from "@/lib/generated/prisma/client";
import type { ItemOutcome, RunRef } from "./define";

const OPEN = Prisma.sql`('pending'::"RunStatus", 'running'::"RunStatus")`;
const json = (value: unknown) => JSON.stringify(value === undefined ? null : value);
const ms = (n: number) => Prisma.sql`(${n}::int * interval '1 millisecond')`;

// ---- the local queue -------------------------------------------------------------------------

/**
 * Claims up to `limit` runs that are due and held by nobody (or whose holder's lease expired),
 * oldest first, skipping rows another process is claiming, and no more than `perAccount` runs of
 * one account at once (the rest wait, so one account's backlog does not occupy a process).
 */
export async function claimRuns(owner: string, jobNames: string[], limit: number, leaseMs: number, perAccount: number): Promise<Run[]> {
  if (limit <= 0) return [];
  return rootDb().$queryRaw<Run[]>`
    WITH candidate AS (
      SELECT r.id FROM runs r
      WHERE r.status IN ${OPEN} AND r."runAfter" <= now()
        AND (r."leaseExpiresAt" IS NULL OR r."leaseExpiresAt" < now())
        AND r."functionId" = ANY(${jobNames}::text[])
        AND (SELECT count(*) FROM runs o WHERE o."accountId" = r."accountId" AND o.status IN ${OPEN} AND o."leaseExpiresAt" >= now()) < ${perAccount}
      ORDER BY r."createdAt", r.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE runs SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + ${ms(leaseMs)}, attempts = attempts + 1,
      status = 'running'::"RunStatus", "startedAt" = coalesce("startedAt", now()), "updatedAt" = now()
    FROM candidate WHERE runs.id = candidate.id
    RETURNING runs.*`;
}

/** Extends the leases of runs this process still holds; returns those it holds. */
export async function renewRunLeases(owner: string, ids: string[], leaseMs: number): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await rootDb().$queryRaw<{ id: string }[]>`
    UPDATE runs SET "leaseExpiresAt" = now() + ${ms(leaseMs)}
    WHERE id = ANY(${ids}::uuid[]) AND "leaseOwner" = ${owner} AND status IN ${OPEN}
    RETURNING id`;
  return new Set(rows.map((r) => r.id));
}

export async function releaseRun(id: string, owner: string): Promise<void> {
  await rootDb().$executeRaw`UPDATE runs SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE id = ${id}::uuid AND "leaseOwner" = ${owner}`;
}

/** The handler failed outside its items: try the whole run again after `delayMs`. */
export async function retryRunLater(id: string, owner: string, delayMs: number): Promise<void> {
  await rootDb().$executeRaw`
    UPDATE runs SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "runAfter" = now() + ${ms(delayMs)}, retries = retries + 1
    WHERE id = ${id}::uuid AND "leaseOwner" = ${owner}`;
}

export async function countOpenRuns(): Promise<number> {
  const rows = await rootDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM runs WHERE status IN ${OPEN}`;
  return rows[0]?.n ?? 0;
}

// ---- steps -----------------------------------------------------------------------------------

export type StepRow = { name: string; item: boolean; status: string; result: unknown; error: string | null };

export async function loadSteps(runId: string): Promise<Map<string, StepRow>> {
  const rows = await rootDb().$queryRaw<StepRow[]>`SELECT name, item, status, result, error FROM run_steps WHERE "runId" = ${runId}::uuid`;
  return new Map(rows.map((r) => [r.name, r]));
}

export async function findStep(runId: string, name: string): Promise<StepRow | undefined> {
  const rows = await rootDb().$queryRaw<StepRow[]>`SELECT name, item, status, result, error FROM run_steps WHERE "runId" = ${runId}::uuid AND name = ${name}`;
  return rows[0];
}

/** A finished step's result (the first one recorded wins). */
export async function saveStep(run: RunRef, name: string, result: unknown): Promise<void> {
  await rootDb().$executeRaw`
    INSERT INTO run_steps ("accountId", "runId", name, item, status, result)
    VALUES (${run.accountId}, ${run.id}::uuid, ${name}, false, 'succeeded', ${json(result)}::jsonb)
    ON CONFLICT ("runId", name) DO NOTHING`;
}

/**
 * A finished item, and the run's counts, in one statement. A duplicate (two processes, or a step
 * replayed after a crash) changes nothing: counts move only when the item's row is new.
 */
export async function recordItem(run: RunRef, outcome: ItemOutcome<unknown>, attempts: number, message: string | null): Promise<void> {
  const ok = outcome.ok ? 1 : 0;
  await rootDb().$executeRaw`
    WITH inserted AS (
      INSERT INTO run_steps ("accountId", "runId", name, item, status, result, error, attempts)
      VALUES (${run.accountId}, ${run.id}::uuid, ${outcome.key}, true, ${ok ? "succeeded" : "failed"}, ${json(outcome)}::jsonb, ${outcome.ok ? null : outcome.error}, ${attempts})
      ON CONFLICT ("runId", name) DO NOTHING
      RETURNING 1
    )
    UPDATE runs SET done = done + 1, succeeded = succeeded + ${ok}, failed = failed + ${1 - ok},
      credits = credits + ${outcome.ok ? outcome.credits : 0}, retries = retries + ${attempts - 1},
      message = CASE WHEN status IN ${OPEN} AND ${message}::text IS NOT NULL THEN ${message}::text ELSE message END,
      "updatedAt" = now()
    WHERE id = ${run.id}::uuid AND EXISTS (SELECT 1 FROM inserted)`;
}

export async function failedItemErrors(runId: string, limit = 5): Promise<string[]> {
  const rows = await rootDb().$queryRaw<{ error: string }[]>`
    SELECT error FROM run_steps WHERE "runId" = ${runId}::uuid AND item AND status = 'failed' AND error IS NOT NULL
    GROUP BY error ORDER BY min(id) LIMIT ${limit}`;
  return rows.map((r) => r.error);
}

export async function countRetry(runId: string): Promise<void> {
  await rootDb().$executeRaw`UPDATE runs SET retries = retries + 1 WHERE id = ${runId}::uuid`;
}

// ---- run state -------------------------------------------------------------------------------

export type Gate = { status: Run["status"] | null; haltedReason: string | null };

export async function readGate(runId: string): Promise<Gate> {
  const rows = await rootDb().$queryRaw<Gate[]>`SELECT status, "haltedReason" FROM runs WHERE id = ${runId}::uuid`;
  return rows[0] ?? { status: null, haltedReason: null };
}

/** The account cannot go on (credits, plan limit): items not yet attempted fail with `reason`. */
export async function haltRun(runId: string, reason: string): Promise<void> {
  await rootDb().$executeRaw`UPDATE runs SET "haltedReason" = ${reason} WHERE id = ${runId}::uuid AND "haltedReason" IS NULL`;
}

export async function startProgress(runId: string, total: number, message: string): Promise<void> {
  await rootDb().$executeRaw`
    UPDATE runs SET total = ${total}, message = ${message}, status = 'running'::"RunStatus", "startedAt" = coalesce("startedAt", now()), "updatedAt" = now()
    WHERE id = ${runId}::uuid AND status IN ${OPEN}`;
}

export async function setProgress(runId: string, progress: { done: number; total: number; message: string }): Promise<void> {
  await rootDb().$executeRaw`
    UPDATE runs SET done = ${progress.done}, total = ${progress.total}, message = ${progress.message}, "updatedAt" = now()
    WHERE id = ${runId}::uuid AND status IN ${OPEN}`;
}

export type Counts = { status: Run["status"]; succeeded: number; failed: number; haltedReason: string | null };

export async function readCounts(runId: string): Promise<Counts | undefined> {
  const rows = await rootDb().$queryRaw<Counts[]>`SELECT status, succeeded, failed, "haltedReason" FROM runs WHERE id = ${runId}::uuid`;
  return rows[0];
}

/** The end of a run (unless it already ended, e.g. cancelled). */
export async function closeRun(runId: string, outcome: { status: "succeeded" | "completed_with_errors" | "failed"; message: string; result: unknown; error: string | null }): Promise<void> {
  await rootDb().$executeRaw`
    UPDATE runs SET status = ${outcome.status}::"RunStatus", message = ${outcome.message.slice(0, 2000)}, result = ${json(outcome.result)}::jsonb,
      error = ${outcome.error}, "finishedAt" = now(), "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    WHERE id = ${runId}::uuid AND status IN ${OPEN}`;
}

export async function failRun(runId: string, error: string): Promise<void> {
  await closeRun(runId, { status: "failed", message: error, result: null, error });
}

/**
 * Failed items are to be done again: their steps go (and every step that is not a succeeded item,
 * so start, plan and finish run again), the counts become those of the items that succeeded.
 * Returns false when the run is still open or has nothing to retry.
 */
export async function reopenForRetry(runId: string): Promise<boolean> {
  return rootDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM runs WHERE id = ${runId}::uuid AND status IN ('completed_with_errors'::"RunStatus", 'failed'::"RunStatus", 'cancelled'::"RunStatus") FOR UPDATE`;
    if (!rows.length) return false;
    await tx.$executeRaw`DELETE FROM run_steps WHERE "runId" = ${runId}::uuid AND NOT (item AND status = 'succeeded')`;
    await tx.$executeRaw`
      UPDATE runs SET status = 'pending'::"RunStatus", error = NULL, "haltedReason" = NULL, "finishedAt" = NULL,
        failed = 0, succeeded = s.n, done = s.n, credits = s.credits, attempts = 0, "runAfter" = now(), "leaseOwner" = NULL, "leaseExpiresAt" = NULL,
        message = 'Retrying the failed items…', "updatedAt" = now()
      FROM (SELECT count(*)::int AS n, coalesce(sum((result->>'credits')::int), 0)::int AS credits FROM run_steps WHERE "runId" = ${runId}::uuid AND item AND status = 'succeeded') s
      WHERE runs.id = ${runId}::uuid`;
    return true;
  });
}

// ---- per-account slots -----------------------------------------------------------------------

export async function ensureSlots(accountId: number, count: number): Promise<void> {
  await rootDb().$executeRaw`
    INSERT INTO job_slots ("accountId", slot) SELECT ${accountId}, g FROM generate_series(0, ${count - 1}) g
    ON CONFLICT DO NOTHING`;
}

/** One free slot of the account (free: nobody holds it, or its holder's lease expired), or null. */
export async function acquireSlot(accountId: number, count: number, holder: string, leaseMs: number): Promise<number | null> {
  const rows = await rootDb().$queryRaw<{ slot: number }[]>`
    UPDATE job_slots SET holder = ${holder}, "leaseExpiresAt" = now() + ${ms(leaseMs)}
    WHERE ("accountId", slot) = (
      SELECT "accountId", slot FROM job_slots
      WHERE "accountId" = ${accountId} AND slot < ${count} AND (holder IS NULL OR "leaseExpiresAt" < now())
      ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING slot`;
  return rows[0]?.slot ?? null;
}

export async function releaseSlot(accountId: number, slot: number, holder: string): Promise<void> {
  await rootDb().$executeRaw`UPDATE job_slots SET holder = NULL, "leaseExpiresAt" = NULL WHERE "accountId" = ${accountId} AND slot = ${slot} AND holder = ${holder}`;
}

export async function renewSlots(holder: string, leaseMs: number): Promise<void> {
  await rootDb().$executeRaw`UPDATE job_slots SET "leaseExpiresAt" = now() + ${ms(leaseMs)} WHERE holder = ${holder}`;
}

export async function releaseAllSlots(holder: string): Promise<void> {
  await rootDb().$executeRaw`UPDATE job_slots SET holder = NULL, "leaseExpiresAt" = NULL WHERE holder = ${holder}`;
}

// ---- schedules -------------------------------------------------------------------------------

export async function registerSchedules(schedules: { name: string; intervalMs: number }[]): Promise<void> {
  for (const s of schedules) {
    await rootDb().$executeRaw`
      INSERT INTO job_schedules (name, "intervalMs", "nextRunAt") VALUES (${s.name}, ${s.intervalMs}, now())
      ON CONFLICT (name) DO UPDATE SET "intervalMs" = EXCLUDED."intervalMs"`;
  }
}

/** The schedules whose tick is due, each claimed by exactly one process. */
export async function claimDueSchedules(names: string[]): Promise<string[]> {
  if (!names.length) return [];
  const rows = await rootDb().$queryRaw<{ name: string }[]>`
    UPDATE job_schedules SET "nextRunAt" = now() + ("intervalMs" * interval '1 millisecond'), "lastRunAt" = now()
    WHERE name = ANY(${names}::text[]) AND "nextRunAt" <= now()
    RETURNING name`;
  return rows.map((r) => r.name);
}
