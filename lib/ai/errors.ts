// What goes wrong with model providers, in words a user can act on. `retriable` tells the
// pipelines whether another attempt may succeed (rate limits, server errors, timeouts, output
// that did not parse) or not (a rejected key, an unknown model, a bad request).
import { AppError } from "@/lib/errors";

export class AIProviderError extends AppError {
  readonly status = 502;
  readonly code = "ai_provider_error";
  constructor(message: string, readonly retriable: boolean, readonly providerStatus?: number) {
    super(message);
  }
}

/** The model answered, but not in the shape we asked for. */
export class AIOutputError extends AppError {
  readonly status = 502;
  readonly code = "ai_output_invalid";
  readonly retriable = true;
}

export function isRetriable(error: unknown): boolean {
  if (error instanceof AIProviderError || error instanceof AIOutputError) return error.retriable;
  if (error instanceof AppError) return false;
  return true; // unknown failures (network, database hiccups) get another attempt
}
