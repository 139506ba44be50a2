// The outside test's findings, each reproduced against the route handlers: hostile input, spoofed
// client addresses, CSRF, an editor's view of the team, tokens without exp, throttling (also across
// two processes) and public addresses in links.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { SignJWT } from "jose";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import * as accountRoute from "@/app/api/v1/auth/account/route";
import * as meRoute from "@/app/api/v1/auth/me/route";
import * as registerRoute from "@/app/api/v1/auth/register/route";
import * as sitesRoute from "@/app/api/v1/auth/sites/route";
import * as usersRoute from "@/app/api/v1/auth/users/route";
import * as transactionsCsv from "@/app/api/v1/billing/transactions/export_csv/route";
import * as bridgeStatus from "@/app/api/v1/integration/bridge/status/route";
import * as keywordsCsv from "@/app/api/v1/planner/keywords/export_csv/route";
import * as integrationSettings from "@/app/api/v1/system/settings/integrations/[pk]/route";
import { signUpAction } from "@/lib/auth/actions";
import { API_TOKEN_TTL_SECONDS } from "@/lib/auth/tokens";
import { rootDb } from "@/lib/db/client";
import { SOCKET_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { rotateSiteApiKey } from "@/lib/sites/service";
import { scoped } from "@/lib/db/scoped";
import { callApi, sessionCookieFor, tokenFor } from "../../fixtures/api";
import { contextFor, createAccount, createSite, createUser, TEST_PASSWORD } from "../../fixtures/factories";

const ENV_KEYS = ["TRUSTED_PROXIES", "CORS_ORIGINS", "THROTTLE_RATES", "API_MAX_BODY_BYTES"];
afterEach(() => {
  for (const key of ENV_KEYS) delete process.env[key];
});

const registration = (tag: string) => ({ email: `spoof-${tag}-${Date.now()}@example.test`, password: TEST_PASSWORD, name: "Spoof", account_name: `Spoof ${tag}` });

describe("hostile input answers 400 naming the field and changes nothing", () => {
  it("NUL in a JSON text field, lone surrogates in JSON settings, NUL in the bridge's fields", async () => {
    const { owner, account } = await createAccount();
    const token = await tokenFor(owner.id);
    const nul = await callApi(accountRoute.PATCH, { method: "PATCH", token, body: { name: "a\u0000b" } });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual({ name: [expect.stringMatching(/NUL/)] });
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: account.id } })).name).toBe(account.name);

    const surrogate = await callApi(integrationSettings.PUT, { method: "PUT", token, params: { pk: "image_generation" }, rawBody: '{"config":{"model":"\\ud800x"}}' });
    expect(surrogate.status).toBe(400);
    expect(Object.keys(surrogate.body.errors)).toEqual(["config.model"]);

    const site = await createSite(account.id);
    const ownerCtx = await contextFor(owner.id);
    const { apiKey } = await rotateSiteApiKey(scoped(ownerCtx), ownerCtx, site.id);
    const bridge = await callApi(bridgeStatus.POST, { method: "POST", token: apiKey, body: { site_url: "https://wp.example/\u0000" } });
    expect(bridge.status).toBe(400);
    expect(Object.keys(bridge.body.errors)).toEqual(["site_url"]);
  });

  it("NUL in a query string: 400 naming the parameter, the CSV exports before streaming", async () => {
    const { owner } = await createAccount();
    const token = await tokenFor(owner.id);
    for (const handler of [keywordsCsv.GET, transactionsCsv.GET]) {
      const response = await callApi(handler, { token, url: "/api/v1/x/export_csv/?search=%00" });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/json/);
      expect(response.body.errors).toEqual({ search: [expect.stringMatching(/NUL/)] });
    }
  });

  it("deep nesting and oversized bodies are refused before parsing", async () => {
    const { owner } = await createAccount();
    const token = await tokenFor(owner.id);
    const deep = await callApi(accountRoute.PATCH, { method: "PATCH", token, rawBody: '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000) });
    expect(deep.status).toBe(400);
    expect(deep.body.message).toMatch(/nested too deeply/);
    process.env.API_MAX_BODY_BYTES = "1000";
    const big = await callApi(accountRoute.PATCH, { method: "PATCH", token, body: { name: "x".repeat(2000) } });
    expect(big.status).toBe(413);
  });

  it("server actions refuse the same input (form data included) before their handler runs", async () => {
    const email = `action-${Date.now()}@example.test`;
    const form = new FormData();
    for (const [k, v] of Object.entries({ email, password: TEST_PASSWORD, name: "a\u0000b", accountName: "Team" })) form.set(k, v);
    const result = await signUpAction(form);
    expect(result).toMatchObject({ ok: false, code: "validation_error", fieldErrors: { name: [expect.stringMatching(/NUL/)] } });
    expect(await rootDb().user.count({ where: { email } })).toBe(0);
  });
});

describe("client addresses", () => {
  it("a spoofed X-Forwarded-For does not escape a used-up limit without a trusted proxy, and is honoured from one", async () => {
    const proxy = "198.51.100.1";
    await rootDb().rateLimitBucket.upsert({ where: { key: `register:${proxy}` }, create: { key: `register:${proxy}`, count: 20, windowStart: new Date() }, update: { count: 20, windowStart: new Date() } });
    const spoofed = { [SOCKET_ADDRESS_HEADER]: proxy, "x-forwarded-for": "198.51.100.77" };
    const refused = await callApi(registerRoute.POST, { method: "POST", headers: spoofed, body: registration("a") });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();

    // Another direct client has its own bucket.
    expect((await callApi(registerRoute.POST, { method: "POST", headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.5" }, body: registration("b") })).status).toBe(201);

    process.env.TRUSTED_PROXIES = proxy;
    expect((await callApi(registerRoute.POST, { method: "POST", headers: spoofed, body: registration("c") })).status).toBe(201);
  });
});

describe("CSRF: cookie-authenticated changes must come from the app's own origin", () => {
  const post = (headers: Record<string, string>, contentType = "application/json") =>
    sitesRoute.POST(new NextRequest("http://localhost/api/v1/auth/sites/", { method: "POST", headers: { host: "localhost", "content-type": contentType, ...headers }, body: JSON.stringify({ name: `Site ${Math.random()}` }) }), { params: Promise.resolve({}) });

  it("refuses another origin (text/plain too) and cross-site fetches, accepts its own origin, listed CORS origins and bearer tokens", async () => {
    const { owner, account } = await createAccount();
    const cookie = await sessionCookieFor(owner.id);
    const count = () => rootDb().site.count({ where: { accountId: account.id } });

    expect((await post({ cookie, origin: "http://evil.example" }, "text/plain")).status).toBe(403);
    expect((await post({ cookie, origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ cookie, origin: "null" })).status).toBe(403);
    expect((await post({ cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ cookie, "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await post({ cookie, origin: "http://localhost.evil.example" })).status).toBe(403);
    expect(await count()).toBe(0);

    expect((await post({ cookie, origin: "http://localhost" })).status).toBe(201);
    expect((await post({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
    await rootDb().site.deleteMany({ where: { accountId: account.id } });
    // Behind a TLS proxy not (yet) in TRUSTED_PROXIES the page is https while the app sees http: same host passes.
    expect((await post({ cookie, origin: "https://localhost" })).status).toBe(201);
    process.env.CORS_ORIGINS = "https://partner.example";
    expect((await post({ cookie, origin: "https://partner.example" })).status).toBe(201);
    expect(await count()).toBe(2);

    // Bearer tokens are not sent by browsers on their own: no origin check.
    const rename = (headers: Record<string, string>) =>
      accountRoute.PATCH(new NextRequest("http://localhost/api/v1/auth/account/", { method: "PATCH", headers: { host: "localhost", "content-type": "application/json", ...headers }, body: JSON.stringify({ name: "Renamed" }) }), { params: Promise.resolve({}) });
    expect((await rename({ cookie, origin: "http://evil.example" })).status).toBe(403);
    expect((await rename({ authorization: `Bearer ${await tokenFor(owner.id)}`, origin: "http://evil.example" })).status).toBe(200);
  });
});

describe("team list", () => {
  it("shows an editor a teammate's grants only for sites the editor may see; owners see all", async () => {
    const { owner, account } = await createAccount();
    const [siteA, siteB] = [await createSite(account.id, { name: "Visible A" }), await createSite(account.id, { name: "Secret B" })];
    const editor = await createUser(account.id, "editor", [siteA.id]);
    const teammate = await createUser(account.id, "editor", [siteA.id, siteB.id]);
    const sitesOf = async (viewerId: number) => {
      const response = await callApi(usersRoute.GET, { token: await tokenFor(viewerId), url: "/api/v1/auth/users/?page_size=100" });
      expect(response.status).toBe(200);
      return response.body.data.results.find((m: { id: number }) => m.id === teammate.id).sites.map((s: { name: string }) => s.name).sort();
    };
    expect(await sitesOf(editor.id)).toEqual(["Visible A"]);
    expect(await sitesOf(owner.id)).toEqual(["Secret B", "Visible A"]);
  });
});

describe("bearer tokens", () => {
  const sign = (claims: { iat?: number; exp?: number }, userId: number) => {
    const jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setSubject(String(userId)).setAudience("api");
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(createHash("sha256").update(`api-token:${process.env.AUTH_SECRET}`).digest());
  };

  it("need exp and iat, and a lifetime within the maximum", async () => {
    const { owner } = await createAccount();
    const now = Math.floor(Date.now() / 1000);
    const status = async (token: string) => (await callApi(meRoute.GET, { token })).status;
    expect(await status(await sign({ iat: now }, owner.id))).toBe(401);
    expect(await status(await sign({ exp: now + 600 }, owner.id))).toBe(401);
    expect(await status(await sign({ iat: now, exp: now + 10 * 365 * 86_400 }, owner.id))).toBe(401);
    expect(await status(await sign({ iat: now - API_TOKEN_TTL_SECONDS - 3600, exp: now + 600 }, owner.id))).toBe(401);
    expect(await status(await sign({ iat: now + 3600, exp: now + 4000 }, owner.id))).toBe(401);
    expect(await status(await sign({ iat: now, exp: now + 600 }, owner.id))).toBe(200);
  });
});

describe("throttling", () => {
  it("answers 429 with Retry-After and RateLimit headers, per user across session and token", async () => {
    process.env.THROTTLE_RATES = "auth=3/min";
    const { owner } = await createAccount();
    const other = await createAccount();
    const token = await tokenFor(owner.id);
    const me = "/api/v1/auth/me/";
    const first = await callApi(meRoute.GET, { token, url: me });
    expect(first.status).toBe(200);
    expect([first.headers.get("ratelimit-limit"), first.headers.get("ratelimit-remaining")]).toEqual(["3", "2"]);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect((await callApi(meRoute.GET, { token, url: me })).status).toBe(200);
    const viaCookie = await meRoute.GET(new NextRequest("http://localhost/api/v1/auth/me/", { headers: { cookie: await sessionCookieFor(owner.id) } }), { params: Promise.resolve({}) });
    expect(viaCookie.status).toBe(200);
    const limited = await callApi(meRoute.GET, { token, url: me });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    // Another user, and another scope of the same user, are not affected.
    expect((await callApi(meRoute.GET, { token: await tokenFor(other.owner.id), url: me })).status).toBe(200);
    expect((await callApi(keywordsCsv.GET, { token, url: "/api/v1/planner/keywords/export_csv/" })).status).toBe(200);
  });

  it("holds across two app processes sharing the database", async () => {
    const { owner } = await createAccount();
    const run = promisify(execFile);
    const tsx = path.resolve("node_modules/.bin/tsx");
    const worker = path.resolve("tests/fixtures/throttle-worker.ts");
    const env = { ...process.env, THROTTLE_RATES: "planner=10/min", LOG_LEVEL: "silent" };
    const outputs = await Promise.all([1, 2].map(() => run(tsx, [worker, "15", String(owner.id)], { env, timeout: 60_000 })));
    const results = outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").at(-1)!) as { allowed: number; limited: number; errors: string[] });
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.reduce((sum, r) => sum + r.allowed, 0)).toBe(10);
    expect(results.reduce((sum, r) => sum + r.limited, 0)).toBe(20);
  }, 90_000);
});

describe("public addresses in links", () => {
  it("list links use the request's host, or a trusted proxy's forwarded host and protocol", async () => {
    const { owner, account } = await createAccount();
    await createUser(account.id, "viewer");
    const token = await tokenFor(owner.id);
    const next = async (headers: Record<string, string>) =>
      (await callApi(usersRoute.GET, { token, url: "http://0.0.0.0:3999/api/v1/auth/users/?page_size=1", headers })).body.data.next as string;
    expect(await next({ host: "app.example.test:8080" })).toMatch(/^http:\/\/app\.example\.test:8080\/api\/v1\/auth\/users\/\?page_size=1&page=2$/);
    const forwarded = { host: "10.0.0.2:3000", [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "https" };
    expect(await next(forwarded)).toMatch(/^http:\/\/10\.0\.0\.2:3000\//);
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect(await next(forwarded)).toMatch(/^https:\/\/studio\.example\.com\//);
  });
});
