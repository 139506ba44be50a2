// Runs: start one for any registered Inngest function, read progress, list, cancel, read the log.
import { inngest } from "@/inngest/client";
import { assertCan, can } from "@/lib/auth/permissions";
import type { AppContext } from "@/lib/auth/service";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { ownAccount, type TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import type { Prisma, Run } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { log } from "@/lib/log";
import { usesInngestServer } from "./mode";
import type { ListRunsQuery } from "./schemas";

export type StartRunInput = {
  /** What the UI calls it (auto_cluster, generate_ideas, cluster_locally...). */
  kind: string;
  /** The Inngest function's id and the event that triggers it. */
  functionId: string;
  event: string;
  data: Record<string, unknown>;
  total?: number;
  message?: string;
  siteId?: number | null;
  sectorId?: number | null;
};

/**
 * Records a run and starts it: sends the event to Inngest when a server is configured, otherwise
 * hands it to the in-process runtime. The event carries runId, accountId and userId.
 */
export async function startRun(ctx: TenantContext, input: StartRunInput): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const db = scoped(ownAccount(ctx));
  const run = await db.run.create({
    data: {
      accountId: ctx.accountId,
      siteId: input.siteId ?? null,
      sectorId: input.sectorId ?? null,
      kind: input.kind,
      functionId: input.functionId,
      eventName: input.event,
      eventData: {} as Prisma.InputJsonValue,
      total: input.total ?? 0,
      message: input.message ?? "Queued…",
      startedById: ctx.userId,
    },
  });
  const eventData = { ...input.data, runId: run.id, accountId: ctx.accountId, userId: ctx.userId, siteId: input.siteId ?? null, sectorId: input.sectorId ?? null };
  const saved = await db.run.update({ where: { id: run.id }, data: { eventData: eventData as Prisma.InputJsonValue } });
  await dispatch(saved);
  return toRunDto(saved);
}

async function dispatch(run: Run) {
  if (usesInngestServer()) {
    await inngest.send({ id: run.id, name: run.eventName, data: run.eventData as Record<string, unknown> });
    return;
  }
  const { getRuntime } = await import("./runtime");
  void getRuntime().enqueue(run.id);
  log.info("run queued in-process", { runId: run.id, kind: run.kind });
}

export type RunDto = Omit<Run, "steps" | "stepStack" | "eventData"> & { startedBy?: { id: number; name: string; email: string } | null; percent: number; durationMs: number | null };

export function toRunDto(run: Run & { startedBy?: { id: number; name: string; email: string } | null }): RunDto {
  const { steps: _steps, stepStack: _stack, eventData: _data, ...rest } = run;
  const percent = run.status === "succeeded" ? 100 : run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0;
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

/** Cancels a pending or running run: the runtime stops before its next step. */
export async function cancelRun(db: ScopedDb, ctx: TenantContext, id: string): Promise<RunDto> {
  assertCan(ctx.role, "write");
  await getRun(db, id, ctx);
  await db.run.updateMany({ where: { id, status: { in: ["pending", "running"] } }, data: { status: "cancelled", message: "Cancelled.", finishedAt: new Date() } });
  if (usesInngestServer()) await inngest.send({ name: "system/run.cancel-requested", data: { runId: id } });
  return getRun(db, id, ctx);
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

/** The reference's task_progress shape. */
export function taskProgress(run: RunDto) {
  const state = run.status === "succeeded" ? "success" : run.status === "failed" || run.status === "cancelled" ? "failure" : run.status === "running" ? "progress" : "pending";
  return {
    taskId: run.id,
    state,
    status: run.status,
    kind: run.kind,
    meta: { current: run.done, total: run.total, percentage: run.percent, message: run.message },
    result: run.result,
    error: run.error,
    credits: run.credits,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
