// Cheap checks only: a request id on every request, and a redirect to sign-in for app pages
// without a session cookie. Never the only authorisation check: every page, action and route
// builds its own context and scopes its data. Also: security headers (lib/http/security-headers),
// CORS for /api/v1 (lib/http/cors), and X-Forwarded-Host/-Proto believed only from trusted proxies.
import { NextResponse, type NextRequest } from "next/server";
import { isProduction } from "@/lib/config/env";
import { fromTrustedProxy } from "@/lib/http/client-ip";
import { corsHeaders, isPreflight, preflightResponse } from "@/lib/http/cors";
import { appOrigin, requestOrigin } from "@/lib/http/origin";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { appContentSecurityPolicy, appSecurityHeaders, hostedSecurityHeaders, newNonce } from "@/lib/http/security-headers";
import { HOSTED_HOST_HEADER } from "@/lib/hosted/address";
import { appHostConfigured, isAppHost, siteSlugForHost } from "@/lib/hosted/domains";
import { unknownSiteHtml } from "@/lib/hosted/templates";

// /media/ checks access itself (published images are public, drafts need a session).
// "/sites/<slug>" are the public hosted sites; "/sites" itself is the signed-in list of sites.
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/invite", "/forgot-password", "/reset-password", "/manifest.webmanifest", "/apple-touch-icon.png", "/sites/", "/api/", "/_next", "/favicon", "/icon", "/robots.txt", "/media/"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const HOSTED = /^\/sites\/[^/]+/;

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;
  const host = request.headers.get("host") ?? "";
  // A hosted site's own domain: its pages at the root of the host (stored images stay at /media/).
  if (host && !isAppHost(host)) {
    const own = await ownDomain(request, host, requestId);
    if (own) return own;
  }
  const api = pathname.startsWith("/api/");
  const cors = pathname.startsWith("/api/v1/") ? corsHeaders(request.headers.get("origin")) : null;
  if (pathname.startsWith("/api/v1/") && isPreflight(request)) return finish(preflightResponse(request), requestId);

  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const options = { https: requestOrigin(request.headers)?.startsWith("https:") ?? false, production: isProduction() };

  if (!isPublic && !hasSession) {
    const signIn = new URL("/sign-in", appOrigin(request.headers, request.url));
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
    return finish(NextResponse.redirect(signIn), requestId, appSecurityHeaders(options));
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.delete(HOSTED_HOST_HEADER); // only a rewrite below may say a request came for a site's domain
  believeForwardedHostOnlyFromTrustedProxies(headers);
  const hosted = HOSTED.test(pathname);
  const nonce = hosted || api ? undefined : newNonce();
  // Next.js reads the nonce from the policy on the request and puts it on its own scripts.
  if (nonce) headers.set("content-security-policy", appContentSecurityPolicy({ ...options, nonce }));
  const security = hosted ? hostedSecurityHeaders(options) : appSecurityHeaders({ ...options, nonce });
  return finish(NextResponse.next({ request: { headers } }), requestId, security, cors);
}

const securityOptions = (request: NextRequest) => ({ https: requestOrigin(request.headers)?.startsWith("https:") ?? false, production: isProduction() });

/**
 * Host → site: a known domain (or its www alias) is rewritten to /sites/<slug>/<path>; an unknown
 * host gets a 404 page when the app's own address is configured (else the app answers, as in
 * development). Returns null to let the request through (the app, or /media/ on a site's domain).
 */
async function ownDomain(request: NextRequest, host: string, requestId: string): Promise<Response | null> {
  const { pathname, search } = request.nextUrl;
  const slug = await siteSlugForHost(host);
  if (!slug) {
    if (!appHostConfigured()) return null;
    const page = new NextResponse(unknownSiteHtml(), { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
    return finish(page, requestId, hostedSecurityHeaders(securityOptions(request)));
  }
  if (pathname.startsWith("/media/") || pathname.startsWith("/_next/")) return null;
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(HOSTED_HOST_HEADER, host.toLowerCase());
  const target = new URL(`/sites/${slug}${pathname === "/" ? "" : pathname}${search}`, request.url);
  return finish(NextResponse.rewrite(target, { request: { headers } }), requestId, hostedSecurityHeaders(securityOptions(request)));
}

function finish(response: Response, requestId: string, security?: Record<string, string>, cors?: Headers | null) {
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(security ?? {})) response.headers.set(name, value);
  cors?.forEach((value, name) => response.headers.set(name, value));
  return response;
}

/** next-auth builds its redirect URLs from X-Forwarded-Host/-Proto: only a trusted proxy may set them. */
function believeForwardedHostOnlyFromTrustedProxies(headers: Headers) {
  if (fromTrustedProxy(headers)) return;
  const host = headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  else headers.delete("x-forwarded-host");
  headers.set("x-forwarded-proto", "http");
}

export const config = {
  // Hosted sites run through it on cache misses only: server.mjs serves hits (with these headers) itself.
  // robots.txt and favicon.ico pass too: on a site's own domain they are the site's.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
