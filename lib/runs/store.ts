// The in-process runtime's access to runs. A named place of the unscoped client (lib/db/README.md):
// the runtime drives runs of every account, before any request context exists (e.g. on boot).
// It touches only the runs table: status, memoised step results, retry counts.
import { rootDb } from "@/lib/db/client";
import type { Prisma, Run } from "@/lib/generated/prisma/client";

export type StepMemo = { type: "data"; data: unknown } | { type: "error"; error: unknown };

export async function loadRun(id: string): Promise<Run | null> {
  return rootDb().run.findUnique({ where: { id } });
}

export async function runStatus(id: string): Promise<Run["status"] | null> {
  return (await rootDb().run.findUnique({ where: { id }, select: { status: true } }))?.status ?? null;
}

/** Runs that were pending or running when the process stopped. */
export async function interruptedRunIds(): Promise<string[]> {
  const runs = await rootDb().run.findMany({ where: { status: { in: ["pending", "running"] } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return runs.map((r) => r.id);
}

export async function markRunning(id: string): Promise<void> {
  await rootDb().run.updateMany({ where: { id, status: "pending" }, data: { status: "running" } });
  await rootDb().run.updateMany({ where: { id, startedAt: null }, data: { startedAt: new Date() } });
}

/** Appends one memoised step atomically (parallel steps of one run may finish together). */
export async function saveStep(id: string, stepId: string, memo: StepMemo): Promise<void> {
  await rootDb().$executeRaw`
    UPDATE runs SET steps = steps || jsonb_build_object(${stepId}::text, ${JSON.stringify(memo)}::jsonb),
                    "stepStack" = array_append(coalesce("stepStack", ARRAY[]::text[]), ${stepId}::text),
                    "updatedAt" = now()
    WHERE id = ${id}::uuid`;
}

export async function countRetry(id: string): Promise<void> {
  await rootDb().run.update({ where: { id }, data: { retries: { increment: 1 } } });
}

/** The function returned (or gave up): record it unless the run already reached a terminal state. */
export async function closeRun(id: string, outcome: { status: "succeeded" | "failed"; result?: unknown; error?: string }): Promise<void> {
  await rootDb().run.updateMany({
    where: { id, status: { in: ["pending", "running"] } },
    data: {
      status: outcome.status,
      ...(outcome.result !== undefined ? { result: outcome.result as Prisma.InputJsonValue } : {}),
      ...(outcome.error ? { error: outcome.error, message: outcome.error } : {}),
      finishedAt: new Date(),
    },
  });
}
