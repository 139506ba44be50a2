// In-memory cache of hosted-site responses (server.mjs serves hits without entering Next).
// Lives on globalThis so the custom server, the app's route modules and background runs in the
// same process share it. Publishing, page edits, deploys and site changes invalidate a site;
// a short TTL bounds staleness for anything else (and for other app instances).
import { env } from "@/lib/config/env";
import { purgeHostedSite } from "@/lib/hosted/cache";
/** `site`: the slug of the hosted site the response belongs to (server.mjs reads it from `x-hosted-site`). */
export type CachedResponse = { status: number; headers: Record<string, string>; body: Buffer; storedAt: number; site?: string };

const TTL_MS = env.HOSTED_CACHE_TTL_MS;
const MAX_ENTRIES = env.HOSTED_CACHE_MAX_ENTRIES;

const state = globalThis as unknown as { __hostedCache?: Map<string, CachedResponse> };
const cache = () => (state.__hostedCache ??= new Map());

export function getHostedResponse(key: string): CachedResponse | undefined {
  const hit = cache().get(key);
  if (!hit) return undefined;
  if (Date.now() - hit.storedAt > TTL_MS) {
    cache().delete(key);
    return undefined;
  }
  return hit;
}

export function storeHostedResponse(key: string, response: Omit<CachedResponse, "storedAt">): void {
  if (TTL_MS === 0) return;
  const map = cache();
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!); // oldest first (insertion order)
  map.set(key, { ...response, storedAt: Date.now() });
}

/**
 * Drops every cached response of a hosted site: server.mjs's copies (tagged with the site, whatever
 * host served them), the renderer's (lib/hosted/cache.ts), the Host → site map, and tells the CDN
 * purge hook when one is configured.
 */
export function invalidateHostedSite(siteSlug: string): void {
  for (const [key, value] of cache()) {
    if (value.site === siteSlug) cache().delete(key);
  }
  void purgeHostedSite(siteSlug);
}
