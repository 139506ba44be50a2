// What a job is: a name, the event that starts it, the zod schema of its payload and a lazily
// imported handler (so this table depends on no module statically). A handler receives the run's
// tenant context and scoped client, its payload, the run, and `io`: named idempotent steps, items
// under the account's concurrency limit, and progress. Both providers run the same handlers.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";

/** What the UI calls a run (components/runs/labels.ts). */
export type RunKind =
  | "auto_cluster"
  | "cluster_locally"
  | "generate_ideas"
  | "generate_content"
  | "generate_image_prompts"
  | "generate_images"
  | "publish_content"
  | "sync_integration"
  | "link_content"
  | "optimize_content"
  | "automation"
  | "generate_structure"
  | "generate_page_content";

export type RunRef = { id: string; accountId: number; userId: number | null; siteId: number | null; sectorId: number | null };

/** The event data of a run: its payload plus who and where (the Inngest event's `data`). */
export type RunEventData = Record<string, unknown> & { runId: string; accountId: number; userId: number | null; siteId: number | null; sectorId: number | null };

export type JobItem<I> = { key: string; input: I };
export type ItemAttempt = { key: string; attempt: number; finalAttempt: boolean };
export type ItemDone<R> = { result: R; credits?: number };
/** `cancelled`: not attempted because the run was cancelled (or this process lost it); not recorded. */
export type ItemOutcome<R> = { key: string; ok: true; result: R; credits: number } | { key: string; ok: false; error: string; cancelled?: boolean };

export interface JobIO {
  /** A named side effect, run once per run: its (JSON) result is stored and returned again on resume. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Items, each its own step keyed by `key` (unique in the run): run under one of the account's
   * concurrency slots, retried in place when the failure is retriable, recorded as succeeded or
   * failed with a sentence the user can read. Never throws for an item; a fatal failure (credits,
   * plan limits) fails the items not yet attempted with the same sentence. `sequential` runs them
   * in order (later items see what earlier ones saved).
   */
  items<I, R>(items: JobItem<I>[], work: (input: I, item: ItemAttempt) => Promise<ItemDone<R>>, options?: { sequential?: boolean; message?: string }): Promise<ItemOutcome<R>[]>;
  /** The number of items and the first message (a step: set once). */
  start(total: number, message: string): Promise<void>;
  /** Absolute progress, for work measured in phases rather than items. */
  progress(progress: { done: number; total: number; message: string }): Promise<void>;
}

export type JobArgs<P> = { ctx: TenantContext; db: ScopedDb; payload: P; run: RunRef; io: JobIO };
/** What the run says when it ends; the status comes from its items (see lib/jobs/README.md). */
export type JobSummary = { message: string; result?: Record<string, unknown> };
export type JobHandler<P> = (args: JobArgs<P>) => Promise<JobSummary>;

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** kebab-case, unique: the Inngest function id and `runs.functionId`. */
  name: string;
  kind: RunKind;
  /** `<module>/<noun>.<past-verb>`. */
  event: string;
  payload: S;
  handler: () => Promise<{ default: JobHandler<z.infer<S>> }>;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Identity, for the handler module's types: `export default defineHandler<Payload>(async ({ io }) => …)`. */
export function defineHandler<P>(handler: JobHandler<P>): JobHandler<P> {
  return handler;
}

/** Recurring work of the whole installation (no tenant, no run record): e.g. scheduled publishing. */
export type ScheduleDefinition = {
  name: string;
  /** The local provider's interval. */
  everyMs: () => number;
  /** The Inngest provider's cron (minute granularity). */
  cron: string;
  handler: () => Promise<{ default: () => Promise<Record<string, unknown>> }>;
};

/** An item failed for a reason its work already put into words (not retried). */
export class ItemFailedError extends AppError {
  readonly status = 422;
  readonly code = "item_failed";
}
