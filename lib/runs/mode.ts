import { env } from "@/lib/config/env";
/** With an Inngest server configured, events go to it; otherwise the in-process runtime runs them. */
export function usesInngestServer(): boolean {
  return Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_BASE_URL || env.INNGEST_DEV);
}

/** Steps of one account running at the same time (Inngest's concurrency key, and the in-process cap). */
export const ACCOUNT_CONCURRENCY = env.RUN_CONCURRENCY_PER_ACCOUNT;
/** Retries of a failing step (or function) after the first attempt. */
export const RUN_RETRIES = 3 as const;
