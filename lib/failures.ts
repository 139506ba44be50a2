// What a user reads about a failure, decided in one place. Services throw typed errors (lib/errors.ts)
// whose messages are written for users; everything else (database, network, timeouts, bugs) is
// mapped here to a sentence, never shown raw. The detail goes to the server log with the request or
// run id. Used by the route/action wrappers (lib/http/errors.ts) and by the job layer (items, runs).
import { z } from "zod";
import { AppError, InsufficientCreditsError, LimitExceededError } from "@/lib/errors";

export type Failure = {
  /** A sentence for the user. */
  message: string;
  code: string;
  status: number;
  /** Another attempt may succeed (rate limits, timeouts, a busy database, a provider's server error). */
  retriable: boolean;
  /** The account cannot go on at all (credits, plan limits): a run stops its remaining items. */
  fatal: boolean;
  /** Our platform failed (not the user's input, not a provider): the loud kind, counted by benchmarks. */
  platform: boolean;
};

export const DATABASE_BUSY = "The database was busy or briefly unreachable; the work was not saved. Try again in a moment.";
export const TIMED_OUT = "This took too long and was stopped; nothing was saved. Try again.";
export const UNEXPECTED = "Something went wrong on our side. It has been logged.";

// Prisma: pool timeout, transaction start/expiry, connection lost; PostgreSQL: connection and
// admin-shutdown classes, serialization and deadlock; node-postgres/network error codes.
const PRISMA_BUSY = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
const PG_BUSY = /^(08|57P|57014|55P03|53|40001|40P01)/;
const NETWORK = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);
const BUSY_TEXT = /Unable to start a transaction|expired transaction|Transaction already closed|Connection terminated|terminating connection|Can't reach database|connection (?:is )?closed|Timed out fetching a new connection|canceling statement due to (?:statement|lock) timeout/i;

export function describeFailure(error: unknown): Failure {
  if (error instanceof AppError) {
    const flag = (error as { retriable?: unknown; retryable?: unknown }).retriable ?? (error as { retryable?: unknown }).retryable;
    const fatal = error instanceof InsufficientCreditsError || error instanceof LimitExceededError;
    return { message: error.message, code: error.code, status: error.status, retriable: flag === true, fatal, platform: false };
  }
  if (error instanceof z.ZodError) return { message: "The input was not valid.", code: "validation_error", status: 400, retriable: false, fatal: false, platform: false };
  const known = describeKnownFailure(error);
  if (known) return known;
  // Typed errors of integrations carry their own flag and a sentence (e.g. WordPress, Shopify).
  const flag = (error as { retryable?: unknown; retriable?: unknown })?.retryable ?? (error as { retriable?: unknown })?.retriable;
  if (typeof flag === "boolean" && error instanceof Error) return { message: error.message, code: "integration_error", status: 502, retriable: flag, fatal: false, platform: false };
  return { message: UNEXPECTED, code: "internal_error", status: 500, retriable: true, fatal: false, platform: true };
}

/** The failures of our platform we recognise (database, timeouts), or null. */
export function describeKnownFailure(error: unknown): Failure | null {
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; meta?: { code?: unknown } } | null;
  if (!e || typeof e !== "object") return null;
  const code = typeof e.code === "string" ? e.code : "";
  const pgCode = typeof e.meta?.code === "string" ? e.meta.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (PRISMA_BUSY.has(code) || PG_BUSY.test(code) || PG_BUSY.test(pgCode) || NETWORK.has(code) || BUSY_TEXT.test(message)) {
    return { message: DATABASE_BUSY, code: "service_busy", status: 503, retriable: true, fatal: false, platform: true };
  }
  if (e.name === "TimeoutError" || e.name === "AbortError") return { message: TIMED_OUT, code: "timeout", status: 504, retriable: true, fatal: false, platform: true };
  if (e.cause && e.cause !== error) return describeKnownFailure(e.cause);
  return null;
}
