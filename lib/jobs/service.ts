// Starting runs: `startRun(ctx, jobs.generateContent, { taskIds }, { total, message, siteId })`.
// The payload is type-checked against the job's schema (and parsed again at run time).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import { ownAccount, type TenantContext } from "@/lib/db/tenant-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { toRunDto, type RunDto } from "@/lib/runs/service";
import type { JobDefinition, RunEventData } from "./define";
import { jobProvider, type DispatchedRun } from "./provider";
import { failRun } from "./store";

export { jobs } from "./table";

export type StartRunOptions = {
  /** Items to do (progress shows done / total). */
  total?: number;
  message?: string;
  /** The one site (and sector) the run works on, when it has one: editors see runs of their sites. */
  siteId?: number | null;
  sectorId?: number | null;
};

/** Records a run (status pending) and hands it to the provider. */
export async function startRun<S extends z.ZodType>(ctx: TenantContext, job: JobDefinition<S>, payload: z.input<S>, options: StartRunOptions = {}): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const parsed = job.payload.parse(payload) as Record<string, unknown>;
  const id = randomUUID();
  const data: RunEventData = { ...parsed, runId: id, accountId: ctx.accountId, userId: ctx.userId, siteId: options.siteId ?? null, sectorId: options.sectorId ?? null };
  const run = await scoped(ownAccount(ctx)).run.create({
    data: {
      id,
      accountId: ctx.accountId,
      siteId: options.siteId ?? null,
      sectorId: options.sectorId ?? null,
      kind: job.kind,
      functionId: job.name,
      eventName: job.event,
      eventData: data as Prisma.InputJsonValue,
      total: options.total ?? 0,
      message: options.message ?? "Queued…",
      startedById: ctx.userId,
    },
  });
  await dispatch({ id, accountId: ctx.accountId, job: job as unknown as JobDefinition, data, retry: 0 });
  log.info("run started", { runId: id, job: job.name, provider: jobProvider().name });
  return toRunDto(run);
}

export class JobsUnavailableError extends AppError {
  readonly status = 503;
  readonly code = "jobs_unavailable";
  constructor() {
    super("The background job service could not be reached, so the work was not started. Try again in a moment.");
  }
}

/** Hands a recorded run to the provider; a run that cannot be handed over fails at once (never left pending). */
export async function dispatch(run: DispatchedRun): Promise<void> {
  try {
    await jobProvider().dispatch(run);
  } catch (error) {
    log.error("could not dispatch a run", { runId: run.id, job: run.job.name, error });
    const failure = new JobsUnavailableError();
    await failRun(run.id, failure.message).catch(() => undefined);
    throw failure;
  }
}
