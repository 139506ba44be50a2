// The engine: runs one AI function once, metered and idempotent.
//
// With a run id and step id, the charge's idempotency key is `${runId}:${stepId}`. The work is
// saved and the credits deducted in one transaction, with the function's result stored on the
// ledger row; so a step that is retried or resumed after a crash finds its charge and returns the
// stored result instead of saving (and charging) twice. Failed calls are never charged.
// The transaction holds only database writes (no model or network call, no waiting on other rows
// besides the account's balance row) and waits for a free connection in lib/db/transactions.ts.
import type { AppContext } from "@/lib/auth/service";
import { env } from "@/lib/config/env";
import { deductCredits, findCharge, getBalance, isUniqueViolation, recordUsage } from "@/lib/billing/credits";
import { InsufficientCreditsError } from "@/lib/errors";
import { calculateCredits } from "@/lib/billing/prices";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { withTransactionSlot } from "@/lib/db/transactions";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/http/validation";
import { resolveAIConfig } from "./config";
import { getPromptTemplate } from "./prompt-store";
import { renderPrompt } from "./prompts";
import { getAIFunction } from "./registry";
import type { AIFunction, AIFunctionName, CallResult, ScopedTx } from "./types";

export type EngineOptions = {
  runId?: string;
  stepId?: string;
  /** Shared by the items of one pipeline step: the account's settings and prompt are read once. */
  cache?: Map<string, Promise<unknown>>;
};

function cached<T>(cache: EngineOptions["cache"], key: string, load: () => Promise<T>): Promise<T> {
  if (!cache) return load();
  let value = cache.get(key) as Promise<T> | undefined;
  if (!value) cache.set(key, (value = load()));
  return value;
}
export type EngineResult<R> = { result: R; credits: number; replayed: boolean };

export async function runAIFunction<R = unknown>(ctx: TenantContext | AppContext, name: AIFunctionName, rawInput: unknown, options: EngineOptions = {}): Promise<EngineResult<R>> {
  const prepared = await prepareAIFunction<R>(ctx, name, rawInput, options);
  if (!("call" in prepared)) return prepared;
  return (await prepared.call()).commit();
}

export type Committable<R> = { commit: () => Promise<EngineResult<R>> };
export type PreparedAIFunction<R> = EngineResult<R> | { call: () => Promise<Committable<R>> };

/**
 * A run in three phases, so pipelines can overlap them across items: `prepare` (validate, load,
 * check credits, build the prompt: database reads only), `call` (the model; parsed output), and
 * `commit` (save + charge + usage, one transaction). A replayed step returns its stored result.
 */
export async function prepareAIFunction<R = unknown>(ctx: TenantContext | AppContext, name: AIFunctionName, rawInput: unknown, options: EngineOptions = {}): Promise<PreparedAIFunction<R>> {
  const fn = await getAIFunction(name);
  const db = scoped(ctx);
  const key = options.runId && options.stepId ? `${options.runId}:${options.stepId}` : null;
  const input = parseInput(fn.input, rawInput);
  // Independent reads side by side: they are most of a call's overhead besides the model.
  const [previous, config, template, balance] = await Promise.all([
    key ? findCharge(db, key) : null,
    cached(options.cache, "config", () => resolveAIConfig(db)),
    cached(options.cache, `prompt:${fn.promptType}`, () => getPromptTemplate(db, fn.promptType)),
    getBalance(db, ctx.accountId),
  ]);
  if (previous) return { result: (previous.metadata as { result: R }).result, credits: -previous.amount, replayed: true };
  const prepared = await fn.prepare(db, input, config, (memoKey, load) => cached(options.cache, `memo:${memoKey}`, load));
  const credits = calculateCredits(fn.operation, fn.units(prepared));
  if (credits > balance) throw new InsufficientCreditsError(credits, balance);
  const prompt = renderPrompt(template, fn.variables(prepared, config));

  return {
    call: async () => {
      let output;
      try {
        output = await fn.call({ prompt, prepared, config, accountId: ctx.accountId, key: key ?? `${name}-${Date.now()}` });
      } catch (error) {
        await writeRunLog(db, options, [{ kind: "request", payload: { prompt } }, { kind: "error", payload: { message: (error as Error).message } }]);
        throw error;
      }
      return { commit: () => commitAIFunction<R>(ctx, db, fn, key, options, prepared, credits, prompt, output) };
    },
  };
}

async function commitAIFunction<R>(
  ctx: TenantContext | AppContext,
  db: ScopedDb,
  fn: AIFunction,
  key: string | null,
  options: EngineOptions,
  prepared: unknown,
  credits: number,
  prompt: string,
  output: CallResult<unknown>,
): Promise<EngineResult<R>> {
  const name = fn.name;
  await fn.check?.(prepared, output.data);
  try {
    const result = await withTransactionSlot(() => db.$transaction(
      async (tx) => {
        // PostgreSQL ends a statement stuck past the timeout (e.g. waiting on a lock), which
        // Prisma's own timeout does not: the transaction then rolls back instead of hanging.
        const limit = `${env.DATABASE_TRANSACTION_TIMEOUT_MS}ms`;
        await tx.$queryRaw`SELECT set_config('statement_timeout', ${limit}, true), set_config('lock_timeout', ${limit}, true)`;
        const saved = await fn.save(tx, prepared, output.data);
        await writeRunLog(tx, options, [{ kind: "request", payload: { prompt } }, { kind: "response", payload: { raw: output.raw ?? null, usage: output.usage }, model: output.usage.model }]);
        const siteId = fn.siteId(prepared);
        await recordUsage(tx, { ...output.usage, accountId: ctx.accountId, operation: fn.operation, credits, siteId, runId: options.runId, entryPoint: fn.entryPoint?.(prepared) ?? null, details: { step: options.stepId ?? null } });
        // Last, so the account row (locked by the deduction) is held only until commit.
        if (credits > 0) {
          await deductCredits(tx, {
            accountId: ctx.accountId,
            amount: credits,
            idempotencyKey: key,
            runId: options.runId,
            description: describe(name, fn.units(prepared)),
            metadata: { operation: fn.operation, result: saved as Prisma.InputJsonValue },
          });
        }
        return saved;
      },
      // Short on purpose: the transaction only writes; anything slower rolls back and is retried.
      { timeout: env.DATABASE_TRANSACTION_TIMEOUT_MS, maxWait: env.DATABASE_TRANSACTION_TIMEOUT_MS },
    ));
    return { result: result as R, credits, replayed: false };
  } catch (error) {
    // A concurrent duplicate of this step committed first: its result stands, ours rolled back.
    if (key && isUniqueViolation(error)) {
      const previous = await findCharge(db, key);
      if (previous) return { result: (previous.metadata as { result: R }).result, credits: -previous.amount, replayed: true };
    }
    throw error;
  }
}

const LABELS: Record<AIFunctionName, (units: number) => string> = {
  auto_cluster: (n) => `AI clustering of ${n} keyword${n === 1 ? "" : "s"}`,
  generate_ideas: () => "Content ideas for a cluster",
  generate_content: () => "Article writing",
  generate_image_prompts: () => "Image prompts for an article",
  generate_images: () => "Image generation",
  optimize_content: () => "Content optimization",
  generate_structure: () => "Site structure",
  generate_page_content: () => "Site page copy",
};

function describe(name: AIFunctionName, units: number) {
  return LABELS[name](units);
}

/** The prompt sent and the answer (or error) received: with the saved work, or alone after a failed call. */
async function writeRunLog(db: ScopedDb | ScopedTx, options: EngineOptions, entries: { kind: "request" | "response" | "error"; payload: Record<string, unknown>; model?: string }[]) {
  if (!options.runId) return;
  await db.runLogEntry.createMany({
    data: entries.map((e) => ({ accountId: 0, runId: options.runId!, stepId: options.stepId ?? "", kind: e.kind, model: e.model ?? null, payload: e.payload as Prisma.InputJsonValue })),
  });
}

/**
 * The work of one pipeline item (io.items): the engine call keyed by the item, so a retried or
 * resumed item finds its charge and is neither saved nor charged twice. The account's settings
 * and prompt are read once for the items of a run.
 */
export function aiItemWork<R>(ctx: TenantContext, runId: string, name: AIFunctionName) {
  const cache = new Map<string, Promise<unknown>>();
  return async (input: unknown, item: { key: string }) => {
    const { result, credits } = await runAIFunction<R>(ctx, name, input, { runId, stepId: item.key, cache });
    return { result, credits };
  };
}
