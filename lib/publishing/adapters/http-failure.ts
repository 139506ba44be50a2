// How an HTTP answer fails a publishing request, decided once for every destination (WordPress,
// Shopify, webhooks): which statuses are failures, which of them are worth retrying as they are,
// and which class each belongs to. The adapters keep their own error types and messages (a site
// owner reads them) and only say what to throw for each class.

/** The class of a failed HTTP answer. */
export type HttpFailureClass =
  | "redirect" // 3xx: adapters never follow redirects for API calls
  | "unauthorized" // 401
  | "forbidden" // 403
  | "not_found" // 404
  | "gone" // 410
  | "too_large" // 413
  | "rate_limited" // 429
  | "server_error" // 5xx (and anything above)
  | "client_error" // any other 4xx
  | "unexpected"; // 1xx

/**
 * Error kinds worth retrying later as they are: the request never arrived or never came back
 * (network, DNS, TLS, timeout), or the server was overloaded (429) or broken (5xx). Everything
 * else (credentials, rights, a refused payload, a redirect) fails the same way on every retry.
 * The adapters' `retryable` getters read this list, so the publishing run retries the same things
 * for every platform.
 */
export const RETRYABLE_FAILURE_KINDS: readonly string[] = ["unreachable", "dns", "tls", "timeout", "rate_limited", "server_error"];

export function isRetryableFailureKind(kind: string): boolean {
  return RETRYABLE_FAILURE_KINDS.includes(kind);
}

/** The class of an HTTP status; null for 2xx (success). */
export function httpFailureClass(status: number): HttpFailureClass | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return "redirect";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 410) return "gone";
  if (status === 413) return "too_large";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  if (status >= 400 && status < 500) return "client_error";
  return "unexpected";
}

type Build<E> = (status: number) => E;

/**
 * What an adapter throws for each class. The four general ones are required; a specific one left
 * out (401, 403, 404, 410, 413, `unexpected`) falls back to `client_error`.
 */
export type HttpFailureErrors<E> = {
  redirect: Build<E>;
  rate_limited: Build<E>;
  server_error: Build<E>;
  client_error: Build<E>;
} & Partial<Record<Exclude<HttpFailureClass, "redirect" | "rate_limited" | "server_error" | "client_error">, Build<E>>>;

/** The adapter's error for a failed answer, or null when `status` is 2xx. */
export function classifyHttpFailure<E>(status: number, errors: HttpFailureErrors<E>): E | null {
  const failure = httpFailureClass(status);
  if (!failure) return null;
  return (errors[failure] ?? errors.client_error)(status);
}
