import type { Facts, Keyword } from "../facts";
import type { AnalyzeInput, CheckCategory, CheckStatus } from "../types";

export type CheckContext = { input: AnalyzeInput; facts: Facts; kw: Keyword | null };

/** What a check decides; `fraction` (0..1) of its weight becomes its score (rounded). */
export type CheckOutcome = { fraction: number; status: CheckStatus; message: string; suggestion?: string };

export type CheckDefinition = {
  id: string;
  label: string;
  category: CheckCategory;
  /** Points; all weights sum to 100 (see WEIGHTS in ./index.ts). */
  weight: number;
  run(ctx: CheckContext): CheckOutcome;
};

export const good = (message: string, suggestion?: string): CheckOutcome => ({ fraction: 1, status: "good", message, suggestion });
export const ok = (fraction: number, message: string, suggestion?: string): CheckOutcome => ({ fraction, status: "ok", message, suggestion });
export const bad = (fraction: number, message: string, suggestion?: string): CheckOutcome => ({ fraction, status: "bad", message, suggestion });

export const NO_KEYWORD = bad(0, "No primary keyword is set, so this can't be checked.", "Set a primary keyword for this article.");

export const q = (s: string) => `"${s}"`;
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
/** Characters as people count them (code points, not UTF-16 units). */
export const charLength = (s: string) => [...s.trim()].length;
