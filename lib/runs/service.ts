// Runs: read progress, list, cancel, retry the failed items, read the per-item errors and the log.
// Starting one is `startRun` in lib/jobs/service.ts.
import { assertCan, can } from "@/lib/auth/permissions";
import type { AppContext } from "@/lib/auth/service";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma, Run } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import type { ListRunsQuery } from "./schemas";

type Internal = "steps" | "stepStack" | "eventData" | "leaseOwner" | "leaseExpiresAt" | "runAfter" | "attempts";
export type RunDto = Omit<Run, Internal> & { startedBy?: { id: number; name: string; email: string } | null; percent: number; durationMs: number | null };

const ENDED = new Set<Run["status"]>(["succeeded", "completed_with_errors", "failed"]);

export function toRunDto(run: Run & { startedBy?: { id: number; name: string; email: string } | null }): RunDto {
  const { steps: _steps, stepStack: _stack, eventData: _data, leaseOwner: _owner, leaseExpiresAt: _lease, runAfter: _after, attempts: _attempts, ...rest } = run;
  const percent = ENDED.has(run.status) ? 100 : run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0;
  const end = run.finishedAt ?? (run.status === "running" ? new Date() : null);
  return { ...rest, percent, durationMs: run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null };
}

/**
 * Editors and viewers see runs on the sites granted to them (and runs tied to no site); the
 * scoped client already confines runs to the account.
 */
export function runVisibility(ctx: Pick<TenantContext, "siteAccess">): Prisma.RunWhereInput {
  if (ctx.siteAccess === "account") return {};
  return { OR: [{ siteId: null }, { siteId: { in: ctx.siteAccess } }] };
}

export async function getRun(db: ScopedDb, id: string, ctx: Pick<TenantContext, "siteAccess">): Promise<RunDto> {
  const run = await db.run.findFirst({ where: { id, ...runVisibility(ctx) }, include: { startedBy: { select: { id: true, name: true, email: true } } } });
  if (!run) throw new NotFoundError("Run");
  return toRunDto(run);
}

const RUN_ORDERING = ["createdAt", "kind", "status", "finishedAt", "credits"] as const;

export async function listRuns(db: ScopedDb, query: ListRunsQuery, ctx: Pick<TenantContext, "siteAccess">): Promise<Paginated<RunDto>> {
  const where: Prisma.RunWhereInput = {
    ...runVisibility(ctx),
    ...(query.status === "active" ? { status: { in: ["pending", "running"] } } : query.status ? { status: query.status } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.search ? { message: { contains: query.search, mode: "insensitive" } } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, RUN_ORDERING, "-createdAt");
  const [count, runs] = await Promise.all([
    db.run.count({ where }),
    db.run.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { startedBy: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return { count, results: runs.map(toRunDto) };
}

/**
 * Cancels a pending or running run: no item starts after this (items in flight finish, and only
 * work that was done is charged).
 */
export async function cancelRun(db: ScopedDb, ctx: TenantContext, id: string): Promise<RunDto> {
  assertCan(ctx.role, "write");
  await getRun(db, id, ctx);
  const { count } = await db.run.updateMany({ where: { id, status: { in: ["pending", "running"] } }, data: { status: "cancelled", message: "Cancelled.", finishedAt: new Date() } });
  if (count) {
    const { jobProvider } = await import("@/lib/jobs/provider");
    await jobProvider().cancel(id);
  }
  return getRun(db, id, ctx);
}

/**
 * Does the failed (or, for a cancelled run, the unfinished) items of an ended run again; the items
 * that succeeded are kept (and not charged again). 409 when the run is still going or has nothing
 * to retry.
 */
export async function retryRun(db: ScopedDb, ctx: TenantContext, id: string): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const run = await getRun(db, id, ctx);
  if (run.status === "pending" || run.status === "running") throw new ConflictError("This run is still going: wait for it to end before retrying it.");
  if (run.status === "succeeded") throw new ConflictError("Every item of this run succeeded: there is nothing to retry.");
  const { reopenForRetry } = await import("@/lib/jobs/store");
  if (!(await reopenForRetry(id))) throw new ConflictError("This run cannot be retried now.");
  const row = await db.run.findFirstOrThrow({ where: { id } });
  const { jobByName } = await import("@/lib/jobs/table");
  const { dispatch } = await import("@/lib/jobs/service");
  const job = jobByName(row.functionId);
  if (!job) throw new ConflictError("This kind of run can no longer be retried.");
  await dispatch({ id, accountId: row.accountId, job, data: row.eventData as never, retry: row.retries + 1 });
  return getRun(db, id, ctx);
}

export type RunItemDto = { key: string; status: "succeeded" | "failed"; error: string | null; attempts: number; finishedAt: Date };

/** The items of a run (newest last); `failed` only the ones that failed, with their sentence. */
export async function listRunItems(db: ScopedDb, ctx: Pick<TenantContext, "siteAccess">, id: string, options: { failedOnly?: boolean; limit?: number } = {}): Promise<RunItemDto[]> {
  await getRun(db, id, ctx);
  const rows = await db.runStep.findMany({
    where: { runId: id, item: true, ...(options.failedOnly ? { status: "failed" } : {}) },
    orderBy: { id: "asc" },
    take: options.limit ?? 500,
    select: { name: true, status: true, error: true, attempts: true, createdAt: true },
  });
  return rows.map((r) => ({ key: r.name, status: r.status as RunItemDto["status"], error: r.error, attempts: r.attempts, finishedAt: r.createdAt }));
}

/** The prompts sent and responses received: for developers, owners and admins only. */
export async function getRunLog(db: ScopedDb, ctx: AppContext | TenantContext, id: string) {
  assertCan(ctx.role, "manageAccount");
  await getRun(db, id, ctx);
  return db.runLogEntry.findMany({ where: { runId: id }, orderBy: { id: "asc" }, take: 2000 });
}

export function canReadRunLog(role: TenantContext["role"]): boolean {
  return can.manageAccount(role);
}

export async function getTaskProgress(db: ScopedDb, ctx: Pick<TenantContext, "siteAccess">, id: string) {
  const run = await getRun(db, id, ctx);
  return taskProgress(run, run.failed ? await listRunItems(db, ctx, id, { failedOnly: true, limit: 100 }) : []);
}

const STATES: Record<Run["status"], "pending" | "progress" | "success" | "failure"> = {
  pending: "pending",
  running: "progress",
  succeeded: "success",
  completed_with_errors: "success",
  failed: "failure",
  cancelled: "failure",
};

/**
 * The reference's task_progress shape. `state` keeps the reference's four values; a run that
 * finished with failed items is `success` with `status: "completed_with_errors"`, its `failed`
 * count and the failed items' errors.
 */
export function taskProgress(run: RunDto, failedItems: RunItemDto[] = []) {
  return {
    taskId: run.id,
    state: STATES[run.status],
    status: run.status,
    kind: run.kind,
    meta: { current: run.done, total: run.total, percentage: run.percent, message: run.message, succeeded: run.succeeded, failed: run.failed },
    succeeded: run.succeeded,
    failed: run.failed,
    errors: failedItems.map((i) => ({ item: i.key, error: i.error })),
    result: run.result,
    error: run.error,
    credits: run.credits,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
