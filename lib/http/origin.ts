/** The app's public origin for links sent elsewhere (payment redirects): APP_URL or AUTH_URL when set, else the request's host. */
export function appOrigin(headers: Headers, fallback = "http://localhost:3000"): string {
  const configured = process.env.APP_URL || process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (fallback.startsWith("https:") ? "https" : "http");
  return `${proto}://${host}`;
}
