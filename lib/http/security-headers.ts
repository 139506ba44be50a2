// Response headers that limit what a page may load and who may frame it. Two sets:
// - app pages: scripts only with this response's nonce (Next.js adds it to its own scripts when the
//   proxy passes the policy on the request), styles and images from the app (images also from any
//   https source: article previews show images hosted elsewhere), no plugins, no framing;
// - hosted public pages (app/sites/**, own domains): plain HTML that needs nothing but its own
//   inline stylesheet (by hash), fonts and images, so everything else is refused, scripts included.
// Both: nosniff, a same-origin referrer policy, and HSTS when served over HTTPS in production; app pages
// also X-Frame-Options for older browsers (hosted pages rely on frame-ancestors alone).
import { env } from "@/lib/config/env";
import { HOSTED_CSS_HASH } from "@/lib/hosted/styles";

export type SecurityHeaderOptions = {
  /** The request arrived over HTTPS (directly or at a trusted proxy). */
  https: boolean;
  production: boolean;
};

const HSTS = "max-age=63072000";

function common({ https, production }: SecurityHeaderOptions): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(https && production ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/** Where stored images are served from besides the app itself (a public bucket or CDN). */
function imageOrigins(): string[] {
  return env.S3_PUBLIC_URL ? [new URL(env.S3_PUBLIC_URL).origin] : [];
}

export function appContentSecurityPolicy(options: SecurityHeaderOptions & { nonce?: string }): string {
  const dev = !options.production;
  return policy({
    "default-src": ["'self'"],
    // 'strict-dynamic' lets Next's nonce-carrying scripts load its chunks; dev needs eval for React's tooling.
    "script-src": ["'self'", ...(options.nonce ? [`'nonce-${options.nonce}'`, "'strict-dynamic'"] : []), ...(dev ? ["'unsafe-eval'"] : [])],
    // Server-rendered style attributes (Radix, charts) need 'unsafe-inline'; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:", ...imageOrigins()],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

/** Headers for app pages and API answers; pass the nonce given to Next for pages. */
export function appSecurityHeaders(options: SecurityHeaderOptions & { nonce?: string }): Record<string, string> {
  return { "Content-Security-Policy": appContentSecurityPolicy(options), "X-Frame-Options": "DENY", ...common(options) };
}

/** Headers for hosted public pages and their feeds: nothing but their own assets. */
export function hostedSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const csp = policy({
    "default-src": ["'none'"],
    // The pages' one inline stylesheet (lib/hosted/styles.ts), allowed by its hash: no other inline style.
    "style-src": ["'self'", HOSTED_CSS_HASH],
    "img-src": ["'self'", ...imageOrigins()],
    "font-src": ["'self'"],
    // No script can run, so this permits nothing a visitor's page does; audit tools (Lighthouse's
    // robots.txt check) fetch from the page's context and are refused without it.
    "connect-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
  });
  // No X-Frame-Options: the policy's frame-ancestors 'none' refuses framing in every browser that
  // renders these pages, and each header is paid for on every cache hit (server-cache.mjs).
  return { "Content-Security-Policy": csp, ...common(options) };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
