// Per-domain throttle scopes for the REST API (the reference's ai, content, auth, planner, writer,
// system, billing, linker, optimizer, integration). The scope comes from the request path, so a
// new route is covered without being listed: /api/v1/<module>/… → the module's scope, POST to an
// AI action (auto_…, generate_…, optimize, test_openai…) → `ai`. Callers are counted per user
// (session or bearer token alike), per site key for the WordPress bridge, else per client address.
// One fixed-window counter row per caller and scope in PostgreSQL: one statement per request.
import { env } from "@/lib/config/env";
import { RateLimitError } from "@/lib/errors";
import { hitBucket } from "./service";

export const THROTTLE_SCOPES = ["ai", "content", "auth", "planner", "writer", "system", "billing", "linker", "optimizer", "integration"] as const;
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];
export type Rate = { limit: number; windowSeconds: number };

/** Defaults per caller; THROTTLE_RATES overrides any of them (`ai=20/min,planner=1000/min`). */
export const DEFAULT_THROTTLE_RATES = "ai=60/min,content=600/min,auth=120/min,planner=1200/min,writer=1200/min,system=600/min,billing=300/min,linker=600/min,optimizer=600/min,integration=600/min";

const MODULE_SCOPES: Record<string, ThrottleScope> = {
  auth: "auth",
  planner: "planner",
  writer: "writer",
  system: "system",
  admin: "system",
  billing: "billing",
  linker: "linker",
  optimizer: "optimizer",
  integration: "integration",
  publisher: "content",
};
const AI_ACTION = /^(auto_.+|generate_.+|(batch_)?optimize|test_openai|test_runware)$/;
const UNITS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600, d: 86_400, day: 86_400 };

/** `/api/v1/<module>/…` → its scope; POSTs to AI actions → `ai`; modules without their own scope → `content`. */
export function throttleScope(method: string, pathname: string): ThrottleScope {
  const segments = pathname.split("/").filter(Boolean);
  const action = segments.at(-1) ?? "";
  if (method === "POST" && segments.length > 3 && AI_ACTION.test(action)) return "ai";
  return MODULE_SCOPES[segments[2] ?? ""] ?? "content";
}

export function parseRates(setting: string): Partial<Record<ThrottleScope, Rate>> {
  const rates: Partial<Record<ThrottleScope, Rate>> = {};
  for (const part of setting.split(",")) {
    const match = part.trim().match(/^([a-z]+)\s*=\s*(\d+)\s*\/\s*([a-z]+)$/);
    if (!match || !(THROTTLE_SCOPES as readonly string[]).includes(match[1]) || !UNITS[match[3]]) continue;
    rates[match[1] as ThrottleScope] = { limit: Number(match[2]), windowSeconds: UNITS[match[3]] };
  }
  return rates;
}

let cachedRates: { setting: string; rates: Record<ThrottleScope, Rate> } | undefined;

export function throttleRates(): Record<ThrottleScope, Rate> {
  const setting = env.THROTTLE_RATES ?? "";
  if (cachedRates?.setting !== setting) {
    cachedRates = { setting, rates: { ...parseRates(DEFAULT_THROTTLE_RATES), ...parseRates(setting) } as Record<ThrottleScope, Rate> };
  }
  return cachedRates.rates;
}

export type Caller = { userId: number | null; siteKeySiteId: number | null; address: string };
export type ThrottleState = { scope: ThrottleScope; limit: number; remaining: number; resetSeconds: number };

/** Counts the request; throws RateLimitError (429) past the scope's limit. Null when throttling is off. */
export async function throttle(method: string, pathname: string, caller: Caller): Promise<ThrottleState | null> {
  if (!env.THROTTLE_ENABLED) return null;
  const bridge = caller.siteKeySiteId !== null;
  const scope: ThrottleScope = bridge ? "integration" : throttleScope(method, pathname);
  const rate = bridge ? { limit: env.BRIDGE_RATE_LIMIT, windowSeconds: 60 } : throttleRates()[scope];
  const who = bridge ? `site:${caller.siteKeySiteId}` : caller.userId ? `user:${caller.userId}` : `ip:${caller.address}`;
  const { count, resetSeconds } = await hitBucket(`throttle:${scope}:${who}`, rate.windowSeconds);
  const state = { scope, limit: rate.limit, remaining: Math.max(0, rate.limit - count), resetSeconds };
  if (count > rate.limit) throw new ThrottledError(state);
  return state;
}

export class ThrottledError extends RateLimitError {
  constructor(readonly state: ThrottleState) {
    super(`Too many ${state.scope} requests. Try again in ${state.resetSeconds} seconds.`, state.resetSeconds);
  }
}

/** The RateLimit-* headers (and Retry-After when refused) of a throttled response. */
export function applyThrottleHeaders(headers: Headers, state: ThrottleState | null, refused = false): void {
  if (!state) return;
  headers.set("RateLimit-Limit", String(state.limit));
  headers.set("RateLimit-Remaining", String(state.remaining));
  headers.set("RateLimit-Reset", String(state.resetSeconds));
  if (refused) headers.set("Retry-After", String(state.resetSeconds));
}
