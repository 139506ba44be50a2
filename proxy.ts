// Cheap checks only: a request id on every request, and a redirect to sign-in for app pages
// without a session cookie. Never the only authorisation check: every page, action and route
// builds its own context and scopes its data.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";

// /media/ checks access itself (published images are public, drafts need a session).
// "/sites/<slug>" are the public hosted sites; "/sites" itself is the signed-in list of sites.
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/invite", "/sites/", "/api/", "/_next", "/favicon", "/icon", "/robots.txt", "/media/"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!isPublic && !hasSession) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
    const redirect = NextResponse.redirect(signIn);
    redirect.headers.set(REQUEST_ID_HEADER, requestId);
    return redirect;
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Hosted sites (/sites/<slug>…) skip the proxy entirely: public, cached pages served at static speed.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|sites/[^/]).*)"],
};
