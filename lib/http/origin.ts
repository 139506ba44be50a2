// The app's public address, from configuration (APP_URL, else AUTH_URL) when set, else from the
// request: its Host, or what a trusted proxy (TRUSTED_PROXIES) forwarded as X-Forwarded-Host/-Proto.
import { env, nextPrivateOrigin } from "@/lib/config/env";
import { fromTrustedProxy } from "./client-ip";
const configuredUrl = () => env.APP_URL || env.AUTH_URL || "";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const firstValue = (headers: Headers, name: string) => headers.get(name)?.split(",")[0]?.trim() || null;

/** The origin the client addressed, or null when the request carries no usable Host. */
export function requestOrigin(headers: Headers): string | null {
  const trusted = fromTrustedProxy(headers);
  const host = (trusted && firstValue(headers, "x-forwarded-host")) || headers.get("host");
  if (!host || !HOST.test(host)) return null;
  const proto = trusted && firstValue(headers, "x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

/** The app's public origin for links sent elsewhere (payment redirects, sign-in redirects): the configured one, else the request's. */
export function appOrigin(headers: Headers, fallback = "http://localhost:3000"): string {
  const configured = configuredUrl();
  if (configured) return new URL(configured).origin;
  return requestOrigin(headers) ?? new URL(fallback).origin;
}

/** The app's public address without a request (absolute URLs in feeds, canonical links, images sent to Shopify). */
export function appBaseUrl(): string {
  return (configuredUrl() || nextPrivateOrigin() || `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
