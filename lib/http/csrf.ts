// Cookie-authenticated REST requests that change state must come from the app's own pages (or an
// origin trusted in CORS_ORIGINS): a browser sends the session cookie with a cross-site form post
// or a "simple" fetch, so the cookie alone proves nothing. Bearer tokens and site keys are never
// sent by a browser on its own and are not checked. Requests without Origin and Sec-Fetch-Site
// come from non-browser clients and pass.
import { env } from "@/lib/config/env";
import { ForbiddenError } from "@/lib/errors";
import { credentialedOrigins } from "./cors";
import { requestOrigin } from "./origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};

/**
 * The request's own host (as Next.js compares for server actions: the scheme is not compared, so a
 * TLS proxy that is not in TRUSTED_PROXIES does not break the app's own pages), the configured
 * public origin, or an origin trusted with credentials in CORS_ORIGINS.
 */
export function isOwnOrigin(origin: string, headers: Headers): boolean {
  const host = hostOf(origin);
  if (host && host === hostOf(requestOrigin(headers))) return true;
  const configured = env.APP_URL || env.AUTH_URL;
  if (configured && origin === new URL(configured).origin) return true;
  return credentialedOrigins().has(origin);
}

export function assertSameOriginRequest(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const allowed = origin !== null ? isOwnOrigin(origin, request.headers) : fetchSite === null || fetchSite === "same-origin" || fetchSite === "none";
  if (!allowed) {
    throw new ForbiddenError("Cross-site request refused: a request signed in with the session cookie must come from this app's own pages. API clients authenticate with a bearer token.");
  }
}
