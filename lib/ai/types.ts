import type { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped";
import type { Operation, Usage } from "@/lib/billing/prices";
import type { AIConfig } from "./config";
import type { PromptType } from "./prompts";

export const AI_FUNCTION_NAMES = ["auto_cluster", "generate_ideas", "generate_content", "generate_image_prompts", "generate_images", "optimize_content", "generate_structure", "generate_page_content"] as const;
export type AIFunctionName = (typeof AI_FUNCTION_NAMES)[number];

export type ScopedTx = Parameters<Parameters<ScopedDb["$transaction"]>[0]>[0];

/** Reads shared by the items of one run (an author profile, a strategy): loaded once per key. */
export type RunMemo = <T>(key: string, load: () => Promise<T>) => Promise<T>;

export type CallArgs<P> = { prompt: string; prepared: P; config: AIConfig; accountId: number; key: string };
export type CallResult<O> = { data: O; usage: Usage; raw?: string; request?: unknown };

/**
 * One AI function: validate (input schema) → prepare (load what it needs) → build prompt
 * (template + variables) → call (provider) → parse (zod, inside call) → save (in the same
 * transaction that charges the credits).
 */
export type AIFunction<I = unknown, P = unknown, O = unknown, R = unknown> = {
  name: AIFunctionName;
  operation: Operation;
  input: z.ZodType<I>;
  promptType: PromptType;
  prepare(db: ScopedDb, input: I, config: AIConfig, memo: RunMemo): Promise<P>;
  /** Units the credit price is quoted in (keywords, clusters, articles, images). */
  units(prepared: P): number;
  variables(prepared: P, config: AIConfig): Record<string, string | number>;
  call(args: CallArgs<P>): Promise<CallResult<O>>;
  /** Checks that need the output (plan limits on what it would add), before the transaction: a refusal fails the item with nothing saved or charged. */
  check?(prepared: P, output: O): Promise<void>;
  /** Database writes only: runs inside the transaction that charges the credits. */
  save(tx: ScopedTx, prepared: P, output: O): Promise<R>;
  siteId(prepared: P): number | null;
  /** Where the request came from (editor, batch, automation), recorded on the usage row. */
  entryPoint?(prepared: P): string | null;
};
