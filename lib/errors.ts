// Typed errors thrown by services. The action and route wrappers map them to form errors and
// HTTP statuses in one place; services never know about HTTP.

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number = 500;
  readonly code: string = "internal_error";
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = "validation_error";
  constructor(message: string, readonly fieldErrors: FieldErrors = {}) {
    super(message);
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = "unauthorized";
  constructor(message = "Authentication required.") {
    super(message);
  }
}

/** The caller is known but may not do this (e.g. a viewer writing). */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = "forbidden";
  constructor(message = "You do not have permission to do this.") {
    super(message);
  }
}

/** Also used for other tenants' ids: they answer 404, never 403, so ids reveal nothing. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = "not_found";
  constructor(what = "Resource") {
    super(`${what} not found.`);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = "conflict";
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}

/**
 * A save named a version that is no longer current: someone (or another tab) saved first.
 * Carries the current record so the client can show it and let the user choose.
 */
export class VersionConflictError extends AppError {
  readonly status = 409;
  readonly code = "version_conflict";
  constructor(message: string, readonly current: unknown) {
    super(message);
  }
}

export class LimitExceededError extends AppError {
  readonly status = 403;
  readonly code = "plan_limit_exceeded";
  constructor(
    message: string,
    readonly limit: { name: string; max: number; current: number; requested: number },
  ) {
    super(message);
  }
}

export class InsufficientCreditsError extends AppError {
  readonly status = 402;
  readonly code = "insufficient_credits";
  constructor(readonly needed: number, readonly available: number) {
    super(`Needs ${needed} credits, has ${available}.`);
  }
}

export class RateLimitError extends AppError {
  readonly status = 429;
  readonly code = "rate_limited";
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/** The request body is larger than the server accepts. */
export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = "payload_too_large";
}

/** A required integration (AI provider, WordPress...) is missing or misconfigured. */
export class ConfigurationError extends AppError {
  readonly status = 400;
  readonly code = "configuration_error";
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A developer turned this feature off for the whole installation (System settings). */
export class FeatureDisabledError extends AppError {
  readonly status = 503;
  readonly code = "feature_disabled";
}
