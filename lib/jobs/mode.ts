import { env } from "@/lib/config/env";

/** With an Inngest server configured, runs go to it; otherwise the local PostgreSQL queue runs them. */
export function usesInngestServer(): boolean {
  return Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_BASE_URL || env.INNGEST_DEV);
}

/** Items (model calls, publishes…) of one account in flight at once, across its runs and processes. */
export const accountConcurrency = () => env.RUN_CONCURRENCY_PER_ACCOUNT;
/** Retries of a whole run whose handler failed outside its items (after the first attempt). */
export const RUN_RETRIES = 3;
/** Attempts of one item inside its run (rate limits, timeouts, a busy database, unparseable output). */
export const ITEM_ATTEMPTS = 3;
