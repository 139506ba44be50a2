// Every REST route, found by walking app/api/v1 (tests/fixtures/routes.ts), gets a fixed corpus of
// hostile requests plus property-based ones from fast-check, with a valid credential: no answer
// may be a 5xx, a body stream may not break, and no body may show a stack trace or SQL.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContext } from "@/lib/auth/service";
import { rootDb } from "@/lib/db/client";
import { newSiteApiKey } from "@/lib/sites/api-keys";
import { setupAIStub } from "../../fixtures/ai";
import { tokenFor } from "../../fixtures/api";
import { createAccount, createDeveloper, createSector, createSite } from "../../fixtures/factories";
import { ensureTempStorage } from "../../fixtures/publishing";
import { discoverApiRoutes, fillPattern, loadHandlers, type DiscoveredRoute, type HttpMethod, type RouteHandler } from "../../fixtures/routes";

setupAIStub();
const routes = discoverApiRoutes();
const CONCURRENCY = 4;
const MB = "x".repeat(1024 * 1024);
// Stack frames, Prisma's error texts, SQL and PostgreSQL's messages.
const LEAK = /(\n\s+at [\w$.<>]+ \(|node_modules\/|\.tsx?:\d+:\d+|Invalid `prisma|PrismaClient\w*Error|"stack":|\bSELECT\b[^"]{0,200}\bFROM\b|\bINSERT INTO\b|\bDELETE FROM\b|syntax error at|invalid byte sequence|unsupported Unicode escape|violates [\w ]*constraint)/;

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

type Fixture = { ownerId: number; siteId: number; sectorId: number; userToken: string; developerToken: string; siteKey: string };
let fixture: Fixture;

async function newFixture(): Promise<Fixture> {
  const { owner, account } = await createAccount();
  const site = await createSite(account.id);
  const sector = await createSector(site);
  const key = newSiteApiKey();
  await rootDb().site.update({ where: { id: site.id }, data: { apiKeyHash: key.hash, apiKeyPrefix: key.prefix, apiKeyCreatedAt: new Date() } });
  const developer = await createDeveloper();
  return { ownerId: owner.id, siteId: site.id, sectorId: sector.id, userToken: await tokenFor(owner.id), developerToken: await tokenFor(developer.id), siteKey: key.key };
}

/** Bodies sent raw: every one must be refused or handled, never a 5xx. */
function bodyCorpus(f: Fixture): string[] {
  const place = { site_id: f.siteId, sector_id: f.sectorId };
  return [
    JSON.stringify({ name: "a\u0000b", title: "a\u0000b", keyword: "a\u0000b", ...place }),
    JSON.stringify({ name: "\ud800x", settings: { key: "x\udc00" }, config: { list: ["ok", "\ud800"] }, ...place }),
    JSON.stringify({ "a\u0000b": 1, nested: { "\ud800": "x" } }),
    deepArray(20_000),
    deepObject(20_000),
    deepObject(70),
    JSON.stringify({ name: MB, keyword: MB, html_content: MB, ...place }),
    JSON.stringify({ site_id: "abc", sector_id: [], ids: "1,2", name: 123, page_size: -1, status: { $ne: 1 }, password: 5, email: ["x"] }),
    JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: { polluted: 1 } }, unknown_field: 1, ...place }),
    JSON.stringify({ ids: [-1, 0, "x", 1e300, null, 2 ** 31], id: 99_999_999_999_999, cluster_id: -5, ...place }),
    JSON.stringify({ site_id: 1e308, sector_id: -1e308, volume: Number.MAX_SAFE_INTEGER, page_size: 1e9, amount: 1e300 }),
    "[]",
    "null",
    "12345678901234567890",
    '"just a string"',
    "{",
    '{"a":}',
    "\u0000",
  ];
}

const queryCorpus = [
  "search=%00",
  "search=a%00b&ordering=%00",
  "search=%ED%A0%80&slug=%F0%9F",
  "page=-1&page_size=100000000",
  "page=99999999999999999999&page_size=-5",
  "site_id=abc&sector_id=%00&status=%00",
  "site_id=1&site_id=2&ids=1e400&id=-0",
  `search=${"x".repeat(100_000)}`,
  "%00=1&x%00y=2",
];

const paramPool = (f: Fixture): Record<string, string[]> => ({
  id: [String(f.siteId), "abc", "-1", "2147483648", "1.5", "a\u0000b", "\ud800"],
  pk: ["openai", "image_generation", "runware", "x\u0000", "../../etc/passwd", "\ud800"],
  type: ["clustering", "content_generation", "bogus", "\u0000"],
  kind: ["industries", "seed_keywords", "bogus", "\u0000"],
});
const defaultParams = ["1", "abc", "\u0000", "-1"];

const FIELDS = ["name", "title", "keyword", "keywords", "site_id", "sector_id", "cluster_id", "content_id", "task_id", "idea_ids", "ids", "status", "html_content", "content", "description", "url", "base_url", "site_url", "slug", "email", "password", "config", "settings", "prompt", "value", "page", "page_size", "search", "ordering", "role", "site_ids", "industry_id", "sector_ids", "amount", "reason", "plan_id", "type", "meta_title", "volume", "difficulty", "intent", "posts", "items", "credentials"];
const hostileString = fc.oneof(
  fc.constantFrom("a\u0000b", "\ud800x", "x\udc00", "\u0000", "", " ", MB, "-1", "1e309", "NaN", "null", "2147483648"),
  fc.string({ unit: "binary", maxLength: 24 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.constantFrom(-1, 0, 1, 2 ** 31, -(2 ** 53), 1e308, 0.5, true, false, null),
    fc.integer(),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie("value"), { maxKeys: 3 }),
  ),
})).value;
const hostileBody = (f: Fixture) =>
  fc.tuple(fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileString), hostileValue, { maxKeys: 6 }), fc.boolean()).map(([body, placed]) =>
    placed ? { site_id: f.siteId, sector_id: f.sectorId, ...body } : body,
  );
const hostileQuery = fc.dictionary(fc.constantFrom(...FIELDS), hostileString, { maxKeys: 4 }).map((q) => new URLSearchParams(q as Record<string, string>).toString());

async function send(handler: RouteHandler, method: HttpMethod, route: DiscoveredRoute, options: { token: string; params?: Record<string, string>; query?: string; body?: string }) {
  const params = Object.fromEntries(route.params.map((name) => [name, options.params?.[name] ?? "1"]));
  const url = new URL(`${fillPattern(route.pattern, params)}${options.query ? `?${options.query}` : ""}`, "http://localhost");
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new NextRequest(url, { method, headers, body: method === "GET" ? undefined : options.body });
  return handler(request, { params: Promise.resolve(params) });
}

async function expectHandled(label: string, response: Response) {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new Error(`${label}: the body stream broke after ${response.status} (${(error as Error).message})`);
  }
  expect(response.status, `${label} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text.slice(0, 200_000), `${label} leaks internals`).not.toMatch(LEAK);
}

/** Which credential the handler accepts: the owner's token, a developer's (admin routes) or the site key (bridge). */
async function credentialFor(handler: RouteHandler, method: HttpMethod, route: DiscoveredRoute): Promise<string> {
  for (const token of [fixture.userToken, fixture.siteKey, fixture.developerToken]) {
    const response = await send(handler, method, route, { token, params: firstParams(route), body: method === "GET" ? undefined : "{}" });
    await response.text().catch(() => "");
    if (response.status !== 401 && response.status !== 403) return token;
  }
  return fixture.userToken;
}

const firstParams = (route: DiscoveredRoute) => Object.fromEntries(route.params.map((name) => [name, (paramPool(fixture)[name] ?? defaultParams)[0]]));

beforeAll(async () => {
  process.env.THROTTLE_ENABLED = "off"; // thousands of requests from one user; throttling has its own tests
  process.env.INTEGRATION_TIMEOUT_MS = "1500";
  ensureTempStorage();
  fixture = await newFixture();
});
afterAll(() => {
  delete process.env.THROTTLE_ENABLED;
  delete process.env.INTEGRATION_TIMEOUT_MS;
});

describe("every REST route under app/api/v1 survives hostile input", () => {
  it("finds the routes by itself", () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.map((r) => r.pattern)).toContain("/api/v1/auth/account/");
  });

  it.each(routes.map((route) => [route.pattern, route] as const))("%s", { timeout: 120_000 }, async (_pattern, route) => {
    // A route may delete the account or remove its owner: start the next one on a usable fixture.
    if (!(await loadContext(fixture.ownerId).then(() => true, () => false))) fixture = await newFixture();
    const handlers = await loadHandlers(route);
    expect(handlers.length, `${route.file} exports no method handler`).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      const token = await credentialFor(handler, method, route);
      const params = firstParams(route);
      const cases: { what: string; params?: Record<string, string>; query?: string; body?: string }[] = [];
      // Every method's query string and path go through the same check: the whole corpus for reads, two for writes.
      for (const query of method === "GET" ? queryCorpus : queryCorpus.slice(0, 2)) cases.push({ what: `?${query.slice(0, 60)}`, query });
      for (const name of route.params) {
        for (const value of paramPool(fixture)[name] ?? defaultParams) cases.push({ what: `[${name}=${JSON.stringify(value)}]`, params: { ...params, [name]: value } });
      }
      if (method !== "GET") for (const body of bodyCorpus(fixture)) cases.push({ what: `body ${body.slice(0, 60)}`, body });
      // Property-based: reproducible samples (the seed is the route and method) of generated bodies and queries.
      const seed = [...route.pattern + method].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
      const generated = fc.sample(fc.tuple(method === "GET" ? fc.constant(undefined) : hostileBody(fixture), hostileQuery), { numRuns: 4, seed });
      for (const [body, query] of generated) {
        cases.push({ what: `generated (seed ${seed}) ?${query.slice(0, 40)} ${JSON.stringify(body)?.slice(0, 80) ?? ""}`, query, body: body === undefined ? undefined : JSON.stringify(body) });
      }
      // A few at a time: the requests wait on PostgreSQL more than on the CPU.
      for (let i = 0; i < cases.length; i += CONCURRENCY) {
        await Promise.all(
          cases.slice(i, i + CONCURRENCY).map(async (c) => expectHandled(`${method} ${route.pattern} ${c.what}`, await send(handler, method, route, { token, params: c.params ?? params, query: c.query, body: c.body }))),
        );
      }
    }
  });
});
