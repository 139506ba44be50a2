// CORS for /api/v1/*: origins listed in CORS_ORIGINS may call the API from a browser with
// credentials; `*` lets any other origin call it without (bearer tokens, no cookies). Applied in
// proxy.ts, which also answers preflight requests.
import { env } from "@/lib/config/env";

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-Request-ID, If-Match, If-None-Match";
export const EXPOSED_HEADERS = "X-Request-ID, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, ETag, Content-Disposition";

function configured(): { origins: Set<string>; anyOrigin: boolean } {
  const entries = (env.CORS_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return { origins: new Set(entries.filter((e) => e !== "*").map((e) => new URL(e).origin)), anyOrigin: entries.includes("*") };
}

/** Origins trusted with credentials (they also pass the CSRF check). */
export function credentialedOrigins(): Set<string> {
  return configured().origins;
}

/** The CORS headers for a request from `origin`, or null when that origin gets none. */
export function corsHeaders(origin: string | null): Headers | null {
  if (!origin) return null;
  const { origins, anyOrigin } = configured();
  const headers = new Headers({ Vary: "Origin", "Access-Control-Expose-Headers": EXPOSED_HEADERS });
  if (origins.has(origin)) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Credentials", "true");
  } else if (anyOrigin) headers.set("Access-Control-Allow-Origin", "*");
  else return null;
  return headers;
}

export function isPreflight(request: Request): boolean {
  return request.method === "OPTIONS" && request.headers.has("origin") && request.headers.has("access-control-request-method");
}

/** The answer to a preflight request: 204, with the permissions when the origin is allowed. */
export function preflightResponse(request: Request): Response {
  const headers = corsHeaders(request.headers.get("origin")) ?? new Headers({ Vary: "Origin" });
  if (headers.has("Access-Control-Allow-Origin")) {
    headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
    headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.set("Access-Control-Max-Age", "600");
    headers.delete("Access-Control-Expose-Headers");
  }
  return new Response(null, { status: 204, headers });
}
