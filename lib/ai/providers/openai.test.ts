import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { AIOutputError, AIProviderError, isRetriable } from "../errors";
import { toProviderError } from "./openai";

const config = { baseURL: "http://127.0.0.1:9/v1", model: "gpt-4o-mini" };
const apiError = (status: number) => OpenAI.APIError.generate(status, { error: { message: `boom ${status}` } }, `${status} boom`, new Headers());

describe("provider errors", () => {
  it("maps HTTP failures to readable, correctly retriable errors", () => {
    const e401 = toProviderError(apiError(401), config) as AIProviderError;
    expect(e401.message).toMatch(/rejected the API key \(401\).*Settings → Integrations/);
    expect(isRetriable(e401)).toBe(false);
    expect(toProviderError(apiError(404), config).message).toMatch(/does not know the model "gpt-4o-mini"/);
    expect(isRetriable(toProviderError(apiError(429), config))).toBe(true);
    expect(isRetriable(toProviderError(apiError(503), config))).toBe(true);
    expect(isRetriable(toProviderError(apiError(400), config))).toBe(false);
  });

  it("treats timeouts and unreachable servers as retriable, and names the server", () => {
    const timeout = toProviderError(new OpenAI.APIConnectionTimeoutError(), config);
    expect(timeout.message).toBe("The AI server at http://127.0.0.1:9/v1 did not answer in time.");
    expect(isRetriable(timeout)).toBe(true);
    expect(isRetriable(toProviderError(new OpenAI.APIConnectionError({ message: "ECONNREFUSED" }), config))).toBe(true);
  });

  it("turns unparseable structured output into a retriable output error", () => {
    const err = toProviderError(new SyntaxError("Unexpected end of JSON input"), config);
    expect(err).toBeInstanceOf(AIOutputError);
    expect(isRetriable(err)).toBe(true);
  });
});
