// What pipeline functions write about their run as they go: progress, the end, the result.
// Terminal states are never overwritten (a cancelled run stays cancelled).
import type { ScopedDb } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";

const OPEN = { in: ["pending" as const, "running" as const] };

export async function startRunProgress(db: ScopedDb, runId: string, total: number, message: string) {
  await db.run.updateMany({ where: { id: runId, status: OPEN }, data: { status: "running", total, message } });
  await db.run.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: new Date() } });
}

/** One finished item: done + 1 and the credits it cost. False when the run is no longer open (cancelled). */
export async function advanceRun(db: ScopedDb, runId: string, options: { credits?: number; message?: string } = {}): Promise<boolean> {
  const { count } = await db.run.updateMany({ where: { id: runId, status: OPEN }, data: { done: { increment: 1 }, credits: { increment: options.credits ?? 0 }, ...(options.message ? { message: options.message } : {}) } });
  return count > 0;
}

export async function finishRun(db: ScopedDb, runId: string, outcome: { status: "succeeded" | "failed"; message: string; result?: unknown; error?: string | null }) {
  await db.run.updateMany({
    where: { id: runId, status: OPEN },
    data: { status: outcome.status, message: outcome.message, result: (outcome.result ?? null) as Prisma.InputJsonValue, error: outcome.error ?? null, finishedAt: new Date() },
  });
}

export async function isRunCancelled(db: ScopedDb, runId: string): Promise<boolean> {
  const run = await db.run.findFirst({ where: { id: runId }, select: { status: true } });
  return !run || run.status === "cancelled";
}

export async function countItemRetry(db: ScopedDb, runId: string) {
  await db.run.updateMany({ where: { id: runId }, data: { retries: { increment: 1 } } });
}

/** Absolute progress (for work measured in phases or percent rather than items). */
export async function setRunProgress(db: ScopedDb, runId: string, progress: { done: number; total: number; message: string }): Promise<boolean> {
  const { count } = await db.run.updateMany({ where: { id: runId, status: OPEN }, data: progress });
  return count > 0;
}
