// Shared pieces of the AI pipelines: steps that run AI items (engine calls, metered and
// idempotent), progress on the run, and the closing step that records the outcome.
//
// Items are grouped a few per step. Every step of a run is replayed on each request to the
// function (that is how Inngest's executor works), so a run of 200 one-item steps costs ~20,000
// replays; groups of ITEMS_PER_STEP keep that small while the per-account concurrency limit still
// caps model calls (a step runs its items one after another). Each item is idempotent on its own
// (the ledger key `${runId}:${itemKey}`), so a retried or resumed group never saves or charges an
// item twice, and a group cut off by a crash carries on where it stopped.
import { env } from "@/lib/config/env";
import { prepareAIFunction, type PreparedAIFunction } from "@/lib/ai/engine";
import { isRetriable } from "@/lib/ai/errors";
import type { AIFunctionName } from "@/lib/ai/types";
import { scoped } from "@/lib/db/scoped";
import { InsufficientCreditsError, LimitExceededError } from "@/lib/errors";
import { contextForRun } from "@/lib/runs/context";
import { advanceRun, countItemRetry, finishRun, isRunCancelled, startRunProgress } from "@/lib/runs/progress";
import type { RunEventData } from "../events";

export const ITEMS_PER_STEP = 5;
/** Quick retries of one item inside its step (rate limits, server errors, unparseable output). */
const ITEM_ATTEMPTS = 3;

/** `fatal`: the account ran out of credits or hit a plan limit; the run stops and says so. */
export type ItemOutcome<R> = { ok: true; result: R; credits: number } | { ok: false; error: string; cancelled?: boolean; fatal?: boolean };
export type AIItem = { key: string; input: unknown };

/** The step API, narrowed to what the pipelines use (Inngest's own types are deeply generic). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- step results are JSON; callers narrow them
export type Steps = { run: (id: string, fn: () => Promise<any>) => Promise<any> };

export function groups<T>(items: T[], size = ITEMS_PER_STEP): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

const retryBaseMs = () => env.AI_ITEM_RETRY_BASE_MS;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One step running `items` in order. Retriable failures are retried in place; others become a
 * failed item. Running out of credits is fatal: the remaining items are skipped and the run fails
 * with "Needs N credits, has M". The step makes one model call at a time; the database work around
 * it overlaps: the next item is prepared, and the previous one committed, while the model answers.
 */
export async function aiItemsStep<R>(step: Steps, data: RunEventData, stepId: string, name: AIFunctionName, items: AIItem[], message: string): Promise<ItemOutcome<R>[]> {
  try {
    return await step.run(stepId, async (): Promise<ItemOutcome<R>[]> => {
      const ctx = await contextForRun(data);
      const db = scoped(ctx);
      const outcomes: ItemOutcome<R>[] = items.map(() => ({ ok: false, error: "Cancelled.", cancelled: true }));
      const cache = new Map<string, Promise<unknown>>();
      const prepare = (item: AIItem) => settle(prepareAIFunction<R>(ctx, name, item.input, { runId: data.runId, stepId: item.key, cache }));
      // Preparing the first item only reads, so it overlaps the cancellation check.
      let next = prepare(items[0]);
      if (await isRunCancelled(db, data.runId)) return outcomes;
      const commits: Promise<void>[] = [];
      let stop = false;
      for (const [index, item] of items.entries()) {
        if (stop) break;
        const prepared = await next;
        if (index + 1 < items.length) next = prepare(items[index + 1]);
        const called = await callItem<R>(ctx, db, data, name, item, message, prepared, () => prepare(item));
        if ("outcome" in called) {
          outcomes[index] = called.outcome;
          if (!called.open || (!called.outcome.ok && called.outcome.fatal)) stop = true;
          continue;
        }
        commits.push(
          called.commit.then(({ outcome, open }) => {
            outcomes[index] = outcome;
            if (!open || (!outcome.ok && outcome.fatal)) stop = true;
          }),
        );
      }
      await Promise.all(commits);
      const fatal = outcomes.find((o) => !o.ok && o.fatal);
      return fatal ? outcomes.map((o) => (!o.ok && o.cancelled ? fatal : o)) : outcomes;
    });
  } catch (error) {
    const text = (error as Error)?.message ?? String(error);
    return items.map(() => ({ ok: false as const, error: text }));
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> => promise.then((value) => ({ ok: true as const, value }), (error) => ({ ok: false as const, error }));

type ItemResult<R> = { outcome: ItemOutcome<R>; open: boolean };

/** One item's model call with its in-place retries (re-preparing each time); the commit runs on. */
async function callItem<R>(
  ctx: Awaited<ReturnType<typeof contextForRun>>,
  db: ReturnType<typeof scoped>,
  data: RunEventData,
  name: AIFunctionName,
  item: AIItem,
  message: string,
  first: Settled<PreparedAIFunction<R>>,
  again: () => Promise<Settled<PreparedAIFunction<R>>>,
): Promise<ItemResult<R> | { commit: Promise<ItemResult<R>> }> {
  const failure = async (error: unknown): Promise<ItemResult<R>> => {
    if (error instanceof InsufficientCreditsError || error instanceof LimitExceededError) return { outcome: { ok: false, error: error.message, fatal: true }, open: true };
    return { outcome: { ok: false, error: (error as Error).message }, open: await advanceRun(db, data.runId, { message }) };
  };
  let prepared = first;
  for (let attempt = 1; ; attempt++) {
    try {
      if (!prepared.ok) throw prepared.error;
      const p = prepared.value;
      if (!("call" in p)) {
        // A replayed item (cut off after it committed) already counted in the run's progress.
        return { outcome: { ok: true, result: p.result, credits: p.credits }, open: !(await isRunCancelled(db, data.runId)) };
      }
      const { commit } = await p.call();
      return {
        commit: commit().then(
          async ({ result, credits }): Promise<ItemResult<R>> => ({ outcome: { ok: true, result, credits }, open: await advanceRun(db, data.runId, { message, credits }) }),
          failure,
        ),
      };
    } catch (error) {
      if (isRetriable(error) && !(error instanceof InsufficientCreditsError) && attempt < ITEM_ATTEMPTS) {
        await countItemRetry(db, data.runId);
        await sleep(retryBaseMs() * 2 ** (attempt - 1));
        prepared = await again();
        continue;
      }
      return failure(error);
    }
  }
}

export async function startStep(step: Steps, data: RunEventData, total: number, message: string) {
  await step.run("start", async () => {
    await startRunProgress(scoped(await contextForRun(data)), data.runId, total, message);
  });
}

/** Records the outcome: succeeded when at least one item worked (or there was nothing to do). */
export async function finishStep<R>(step: Steps, data: RunEventData, outcomes: ItemOutcome<R>[], summary: (ok: R[]) => { message: string; result: Record<string, unknown> }) {
  return step.run("finish", async () => {
    const ok = outcomes.filter((o): o is Extract<ItemOutcome<R>, { ok: true }> => o.ok).map((o) => o.result);
    const failed = outcomes.filter((o): o is Extract<ItemOutcome<R>, { ok: false }> => !o.ok && !o.cancelled);
    const { message, result } = summary(ok);
    const errors = [...new Set(failed.map((f) => f.error))].slice(0, 5);
    const fatal = failed.find((f) => f.fatal);
    const failedAll = outcomes.length > 0 && ok.length === 0 && failed.length > 0;
    const text = fatal ? `${fatal.error} ${message}` : failed.length ? `${message} ${failed.length} failed: ${errors.join(" ")}` : message;
    await finishRun(scoped(await contextForRun(data)), data.runId, {
      status: fatal || failedAll ? "failed" : "succeeded",
      message: text,
      result: { ...result, failed: failed.length, errors },
      error: fatal ? fatal.error : failedAll ? errors.join(" ") : null,
    });
    return { ...result, failed: failed.length, errors };
  });
}

/** Marks the run failed (Inngest server mode: the function's onFailure handler). */
export async function failRunFromEvent(data: RunEventData, error: string) {
  await finishRun(scoped(await contextForRun(data)), data.runId, { status: "failed", message: error, error });
}
