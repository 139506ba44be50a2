// The app's public address, from configuration (APP_URL, else AUTH_URL) when set.
import { env, nextPrivateOrigin } from "@/lib/config/env";
const configuredUrl = () => env.APP_URL || env.AUTH_URL || "";

/** The app's public origin for links sent elsewhere (payment redirects): the configured one, else the request's host. */
export function appOrigin(headers: Headers, fallback = "http://localhost:3000"): string {
  const configured = configuredUrl();
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (fallback.startsWith("https:") ? "https" : "http");
  return `${proto}://${host}`;
}

/** The app's public address without a request (absolute URLs in feeds, canonical links, images sent to Shopify). */
export function appBaseUrl(): string {
  return (configuredUrl() || nextPrivateOrigin() || `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
