import { describe, expect, it } from "vitest";
import { classifyHttpFailure, httpFailureClass, isRetryableFailureKind } from "./http-failure";

describe("classifyHttpFailure", () => {
  it.each([
    [200, null],
    [204, null],
    [301, "redirect"],
    [308, "redirect"],
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [410, "gone"],
    [413, "too_large"],
    [422, "client_error"],
    [429, "rate_limited"],
    [500, "server_error"],
    [503, "server_error"],
    [599, "server_error"],
    [101, "unexpected"],
  ])("%i → %s", (status, expected) => {
    expect(httpFailureClass(status)).toBe(expected);
  });

  it("builds the adapter's error for the class, a left-out specific class falling back to client_error", () => {
    const errors = {
      redirect: (s: number) => `redirect ${s}`,
      rate_limited: (s: number) => `slow down ${s}`,
      server_error: (s: number) => `server ${s}`,
      client_error: (s: number) => `refused ${s}`,
      not_found: (s: number) => `missing ${s}`,
    };
    expect(classifyHttpFailure(201, errors)).toBeNull();
    expect(classifyHttpFailure(404, errors)).toBe("missing 404");
    expect(classifyHttpFailure(401, errors)).toBe("refused 401");
    expect(classifyHttpFailure(410, errors)).toBe("refused 410");
    expect(classifyHttpFailure(429, errors)).toBe("slow down 429");
    expect(classifyHttpFailure(502, errors)).toBe("server 502");
    expect(classifyHttpFailure(302, errors)).toBe("redirect 302");
  });

  it("retries network trouble, 429 and 5xx; never credentials, refusals or redirects", () => {
    for (const kind of ["unreachable", "dns", "tls", "timeout", "rate_limited", "server_error"]) expect(isRetryableFailureKind(kind)).toBe(true);
    for (const kind of ["redirect", "unauthorized", "forbidden", "not_found", "refused", "bad_request", "invalid_response", "invalid_url"]) expect(isRetryableFailureKind(kind)).toBe(false);
  });
});
