// proxy.ts, called as Next calls it: security headers for app pages and hosted pages, CORS for
// /api/v1 (preflight included), sign-in redirects to the public address, forwarded headers
// believed only from trusted proxies.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { proxy } from "@/proxy";

const saved = { NODE_ENV: process.env.NODE_ENV };
afterEach(() => {
  for (const key of ["TRUSTED_PROXIES", "CORS_ORIGINS", "APP_URL", "AUTH_URL", "SCS_SERVER_SOCKET_ADDRESS"]) delete process.env[key];
  (process.env as Record<string, string | undefined>).NODE_ENV = saved.NODE_ENV;
});

const call = async (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => proxy(new NextRequest(url, { method: init.method ?? "GET", headers: init.headers }));
const session = { cookie: "authjs.session-token=x" };

describe("security headers", () => {
  it("app pages: a nonce-based CSP handed to Next on the request, framing refused, nosniff, referrer policy", async () => {
    const response = (await call("http://localhost/dashboard", { headers: { host: "localhost", ...session } }));
    const csp = response.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Next reads the nonce from the request's policy (forwarded as x-middleware-request-*).
    expect(response.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const again = (await call("http://localhost/dashboard", { headers: { host: "localhost", ...session } }));
    expect(again.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("hosted pages: nothing but their own assets, no scripts at all", async () => {
    const response = await call("http://localhost/sites/acme/some-post", { headers: { host: "localhost" } });
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).not.toMatch(/script-src/);
    expect(csp).toContain("img-src 'self'");
    // frame-ancestors alone refuses framing (no X-Frame-Options: a header less on every cache hit).
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("HSTS only over HTTPS in production", async () => {
    (process.env as Record<string, string>).NODE_ENV = "production";
    process.env.SCS_SERVER_SOCKET_ADDRESS = "1"; // in production the socket address is believed only from server.mjs
    process.env.TRUSTED_PROXIES = "loopback";
    const https = { host: "studio.example", [SOCKET_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-proto": "https", ...session };
    expect((await call("http://localhost/dashboard", { headers: https })).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect((await call("http://localhost/dashboard", { headers: { ...https, "x-forwarded-proto": "http" } })).headers.get("strict-transport-security")).toBeNull();
    delete process.env.TRUSTED_PROXIES; // an untrusted peer cannot claim HTTPS
    expect((await call("http://localhost/dashboard", { headers: https })).headers.get("strict-transport-security")).toBeNull();
    process.env.TRUSTED_PROXIES = "loopback";
    delete process.env.SCS_SERVER_SOCKET_ADDRESS; // not started by server.mjs: the header could be anyone's
    expect((await call("http://localhost/dashboard", { headers: https })).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("sign-in redirect and forwarded headers", () => {
  it("redirects to the address the client used, not the server's bind address", async () => {
    const response = (await call("http://0.0.0.0:3999/planner?x=1", { headers: { host: "studio.example:3999" } }));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://studio.example:3999/sign-in?callbackUrl=%2Fplanner%3Fx%3D1");
  });

  it("behind a trusted proxy, uses its forwarded host and protocol; from anyone else, ignores them", async () => {
    const headers = { host: "10.0.0.2:3000", [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "https" };
    expect((await call("http://0.0.0.0:3999/", { headers })).headers.get("location")).toBe("http://10.0.0.2:3000/sign-in");
    // next-auth builds its redirects from these: an untrusted peer's values are replaced.
    const passed = (await call("http://0.0.0.0:3999/dashboard", { headers: { ...headers, ...session } }));
    expect(passed.headers.get("x-middleware-request-x-forwarded-host")).toBe("10.0.0.2:3000");
    expect(passed.headers.get("x-middleware-request-x-forwarded-proto")).toBe("http");

    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect((await call("http://0.0.0.0:3999/", { headers })).headers.get("location")).toBe("https://studio.example.com/sign-in");
    const trusted = (await call("http://0.0.0.0:3999/dashboard", { headers: { ...headers, ...session } }));
    expect(trusted.headers.get("x-middleware-request-x-forwarded-host")).toBe("studio.example.com"); // as the proxy sent it
  });

  it("uses APP_URL when configured", async () => {
    process.env.APP_URL = "https://app.example.org";
    expect((await call("http://0.0.0.0:3999/", { headers: { host: "whatever:1" } })).headers.get("location")).toBe("https://app.example.org/sign-in");
  });
});

describe("CORS for /api/v1", () => {
  const preflight = async (origin: string) =>
    (await call("http://localhost/api/v1/planner/keywords/", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } }));

  it("answers preflight for listed origins with credentials; unlisted origins get no permission", async () => {
    process.env.CORS_ORIGINS = "https://partner.example, https://other.example:8443";
    const allowed = await preflight("https://partner.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-allow-methods")).toContain("PATCH");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(allowed.headers.get("vary")).toContain("Origin");

    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(204);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("exposes the request id and rate-limit headers to listed origins; * allows others without credentials", async () => {
    process.env.CORS_ORIGINS = "https://partner.example, *";
    const listed = (await call("http://localhost/api/v1/auth/me/", { headers: { origin: "https://partner.example" } }));
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    expect(listed.headers.get("access-control-expose-headers")).toMatch(/X-Request-ID.*RateLimit-Limit.*RateLimit-Remaining.*RateLimit-Reset/);
    const any = (await call("http://localhost/api/v1/auth/me/", { headers: { origin: "https://someone.example" } }));
    expect(any.headers.get("access-control-allow-origin")).toBe("*");
    expect(any.headers.get("access-control-allow-credentials")).toBeNull();
    delete process.env.CORS_ORIGINS;
    expect((await call("http://localhost/api/v1/auth/me/", { headers: { origin: "https://partner.example" } })).headers.get("access-control-allow-origin")).toBeNull();
  });
});
