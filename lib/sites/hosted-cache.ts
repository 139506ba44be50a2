// In-memory cache of hosted-site responses (server.mjs serves hits without entering Next).
// Lives on globalThis so everything on one thread shares it. Publishing, page edits, deploys and site
// changes invalidate a site on every thread of the process (server.mjs's edge threads answer hosted
// pages, the app runs in a worker of its own); a short TTL bounds staleness for anything else (and for other
// app instances).
import { BroadcastChannel } from "node:worker_threads";
import { env } from "@/lib/config/env";
import { dropHostedSiteState, purgeHostedSite } from "@/lib/hosted/cache";
/** `site`: the slug of the hosted site the response belongs to (what a purge drops by). */
export type CachedResponse = { status: number; headers: Record<string, string>; body: Buffer; storedAt: number; site?: string };

const TTL_MS = env.HOSTED_CACHE_TTL_MS;
const MAX_ENTRIES = env.HOSTED_CACHE_MAX_ENTRIES;

const state = globalThis as unknown as { __hostedCache?: Map<string, CachedResponse>; __hostedPurges?: BroadcastChannel };
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
 * Drops every cached response of a hosted site on every thread: server.mjs's copies (tagged with the
 * site, whatever host served them), the renderer's (lib/hosted/cache.ts) and the Host → site map, and
 * tells the CDN purge hook when one is configured.
 */
export function invalidateHostedSite(siteSlug: string): void {
  dropCopies(siteSlug);
  void purgeHostedSite(siteSlug);
  purgeChannel().postMessage(siteSlug);
}

function dropCopies(siteSlug: string): void {
  for (const [key, value] of cache()) {
    if (value.site === siteSlug) cache().delete(key);
  }
}

/** One channel per thread: it hears the purges of the other threads (never its own posts). */
function purgeChannel(): BroadcastChannel {
  if (!state.__hostedPurges) {
    const channel = new BroadcastChannel("hosted-site-purges");
    channel.onmessage = (event) => {
      const slug = (event as { data?: unknown }).data;
      if (typeof slug !== "string") return;
      dropCopies(slug);
      dropHostedSiteState(slug);
    };
    channel.unref(); // never what keeps a process alive
    state.__hostedPurges = channel;
  }
  return state.__hostedPurges;
}

/** The thread that answers hosted pages listens from the start (server.mjs's fast path loads this module). */
purgeChannel();
