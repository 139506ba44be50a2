import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AIOutputError, AIProviderError } from "@/lib/ai/errors";
import { InsufficientCreditsError, LimitExceededError, ValidationError } from "@/lib/errors";
import { DATABASE_BUSY, describeFailure, TIMED_OUT, UNEXPECTED } from "./failures";

const prismaError = (code: string, message: string, meta?: Record<string, unknown>) => Object.assign(new Error(message), { code, meta });

describe("describeFailure", () => {
  it("keeps the sentences of typed errors and says which are retriable or fatal", () => {
    expect(describeFailure(new AIProviderError("OpenAI is rate limiting requests (429); try again in a minute.", true, 429))).toMatchObject({ retriable: true, fatal: false, platform: false, message: expect.stringMatching(/rate limiting/) });
    expect(describeFailure(new AIProviderError("OpenAI rejected the API key (401).", false, 401))).toMatchObject({ retriable: false });
    expect(describeFailure(new AIOutputError("The model's answer was not in the expected format."))).toMatchObject({ retriable: true });
    expect(describeFailure(new InsufficientCreditsError(10, 5))).toMatchObject({ fatal: true, retriable: false, message: "Needs 10 credits, has 5." });
    expect(describeFailure(new LimitExceededError("Your Free plan allows 100 AI requests this month.", { name: "x", max: 1, current: 1, requested: 1 }))).toMatchObject({ fatal: true, status: 403 });
    expect(describeFailure(new ValidationError("A site is required."))).toMatchObject({ retriable: false, status: 400 });
  });

  it("turns database, connection and timeout failures into sentences, never their raw text", () => {
    const raw = [
      prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time."),
      prismaError("P2028", "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 30000 ms"),
      prismaError("P2024", "Timed out fetching a new connection from the connection pool."),
      prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", { code: "57P01" }),
      prismaError("P2010", "canceling statement due to statement timeout"),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      new Error("Connection terminated unexpectedly"),
    ];
    for (const error of raw) expect(describeFailure(error)).toMatchObject({ message: DATABASE_BUSY, retriable: true, platform: true, status: 503 });
    expect(describeFailure(Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" }))).toMatchObject({ message: TIMED_OUT, retriable: true });
  });

  it("anything else is 'something went wrong', retriable once more, and counted as ours", () => {
    expect(describeFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toMatchObject({ message: UNEXPECTED, platform: true, status: 500 });
    expect(describeFailure("a string")).toMatchObject({ message: UNEXPECTED });
    expect(describeFailure(z.object({ a: z.string() }).safeParse({}).error)).toMatchObject({ status: 400, retriable: false });
  });
});
