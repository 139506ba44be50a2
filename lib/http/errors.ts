// One mapping from thrown errors to what a client sees, shared by routes and actions.
import { z } from "zod";
import { isAppError, LimitExceededError, RateLimitError, ValidationError, VersionConflictError, type FieldErrors } from "@/lib/errors";
import { describeKnownFailure } from "@/lib/failures";
import { log } from "@/lib/log";
import { zodFieldErrors } from "./validation";

export type MappedError = { status: number; message: string; code: string; fieldErrors?: FieldErrors; extra?: Record<string, unknown> };

export function mapError(error: unknown, requestId?: string): MappedError {
  if (error instanceof z.ZodError) {
    return { status: 400, code: "validation_error", message: "Invalid input.", fieldErrors: zodFieldErrors(error) };
  }
  if (isAppError(error)) {
    const mapped: MappedError = { status: error.status, code: error.code, message: error.message };
    if (error instanceof ValidationError) mapped.fieldErrors = error.fieldErrors;
    if (error instanceof LimitExceededError) mapped.extra = { limit: error.limit, upgradeUrl: "/billing/plans" };
    if (error instanceof RateLimitError) mapped.extra = { retryAfter: error.retryAfterSeconds };
    if (error instanceof VersionConflictError) mapped.extra = { current: error.current };
    if ("details" in error && error.details && typeof error.details === "object") mapped.fieldErrors = error.details as FieldErrors;
    return mapped;
  }
  const prismaCode = (error as { code?: string })?.code;
  if (prismaCode === "P2025") return { status: 404, code: "not_found", message: "Not found." };
  if (prismaCode === "P2002") return { status: 409, code: "conflict", message: "This already exists." };
  if (prismaCode === "P2003") return { status: 400, code: "invalid_reference", message: "A referenced record does not exist." };
  const known = describeKnownFailure(error);
  log.error(known ? "request failed" : "unhandled error", { requestId, error });
  if (known) return { status: known.status, code: known.code, message: known.message };
  return { status: 500, code: "internal_error", message: "Something went wrong on our side. It has been logged." };
}
