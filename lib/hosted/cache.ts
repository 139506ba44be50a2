// The renderer's in-process cache of rendered hosted responses (shared through globalThis by every
// route bundle of this process), and the purge that publishing, unpublishing, page edits, deploys and
// site changes call: it drops this cache, server.mjs's copy (lib/sites/hosted-cache.ts) and, when
// HOSTED_PURGE_WEBHOOK_URL is set, tells a CDN (a POST the operator turns into a purge call).
import { env } from "@/lib/config/env";
import { appBaseUrl } from "@/lib/http/origin";
import { log } from "@/lib/log";

export type Rendered = {
  status: number;
  body: string;
  contentType: string;
  cacheControl: string;
  etag: string | null;
  lastModified: Date | null;
  location?: string;
  site: string;
  storedAt: number;
};

const state = globalThis as unknown as { __hostedRenderCache?: Map<string, Rendered> };
const cache = () => (state.__hostedRenderCache ??= new Map());

export function getRendered(key: string): Rendered | undefined {
  const hit = cache().get(key);
  if (hit && Date.now() - hit.storedAt > env.HOSTED_CACHE_TTL_MS) {
    cache().delete(key);
    return undefined;
  }
  return hit;
}

export function storeRendered(key: string, value: Omit<Rendered, "storedAt">): void {
  if (env.HOSTED_CACHE_TTL_MS === 0) return;
  const map = cache();
  if (map.size >= env.HOSTED_CACHE_MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, { ...value, storedAt: Date.now() });
}

// The site records pages are rendered from (site, menu), by slug: a render on a page-cache miss then
// reads only the page's own rows. Dropped with the site's pages; 30 s at most for other instances.
const SITE_TTL_MS = 30_000;
const siteState = globalThis as unknown as { __hostedSites?: Map<string, { value: unknown; at: number }> };
const sites = () => (siteState.__hostedSites ??= new Map());

export async function cachedSite<T>(slug: string, load: () => Promise<T>): Promise<T> {
  const hit = sites().get(slug);
  if (hit && Date.now() - hit.at < SITE_TTL_MS) return hit.value as T;
  const value = await load();
  if (value === null) return value; // a site created later must show at once
  if (sites().size >= 10_000) sites().delete(sites().keys().next().value!);
  sites().set(slug, { value, at: Date.now() });
  return value;
}

/** Drops every rendered response of a site (by its slug), and its site record. */
export function dropRendered(siteSlug: string): number {
  sites().delete(siteSlug);
  let dropped = 0;
  for (const [key, value] of cache()) {
    if (value.site === siteSlug) {
      cache().delete(key);
      dropped++;
    }
  }
  return dropped;
}

export type PurgeNotice = { event: "hosted.purge"; site: string; urls: string[]; prefixes: string[]; at: string };

/** The CDN purge hook: POSTs what changed; failures are logged, never thrown (the page is already updated here). */
export function notifyCdnPurge(siteSlug: string, domain: string | null): Promise<void> | null {
  const url = env.HOSTED_PURGE_WEBHOOK_URL;
  if (!url) return null;
  const appPrefix = `${appBaseUrl()}/sites/${siteSlug}`;
  const origins = domain ? [domainOrigin(domain), domainOrigin(domain).replace("://", "://www.")] : [];
  const notice: PurgeNotice = {
    event: "hosted.purge",
    site: siteSlug,
    urls: [appPrefix, ...origins.map((o) => `${o}/`)],
    prefixes: [`${appPrefix}/`, ...origins.map((o) => `${o}/`)],
    at: new Date().toISOString(),
  };
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(notice), signal: AbortSignal.timeout(5_000) })
    .then((res) => {
      if (!res.ok) log.warn("hosted CDN purge hook answered an error", { site: siteSlug, status: res.status });
    })
    .catch((error: Error) => log.warn("hosted CDN purge hook failed", { site: siteSlug, error: error.message }));
}

/** "https://Example.com/" → "https://example.com"; a bare host gets https. */
export function domainOrigin(domain: string): string {
  const value = /^[a-z][a-z0-9+.-]*:\/\//i.test(domain.trim()) ? domain.trim() : `https://${domain.trim()}`;
  try {
    return new URL(value).origin.toLowerCase();
  } catch {
    return value.replace(/\/+$/, "").toLowerCase();
  }
}

// The Host → site map of lib/hosted/domains.ts lives here too (state only), so purging needs no
// database import (lib/sites/service → hosted-cache → here stays free of cycles).
export type DomainMap = { bySite: Map<string, string>; byHost: Map<string, string>; loadedAt: number };
const domainState = globalThis as unknown as { __hostedDomains?: DomainMap };

/** The configured domain of a site, as last loaded (for purge notices), or null. */
export function knownDomainOf(siteSlug: string): string | null {
  return domainState.__hostedDomains?.bySite.get(siteSlug) ?? null;
}

/** Forget the Host → site map: the next request reloads it (a site's domain, slug or active flag changed). */
export function forgetDomains(): void {
  domainState.__hostedDomains = undefined;
}

/** What this thread keeps of a site's public pages: its rendered responses, its record, the Host → site map. */
export function dropHostedSiteState(siteSlug: string): void {
  dropRendered(siteSlug);
  forgetDomains();
}

/** Everything a change of a site's public pages must drop, here and at a CDN. */
export function purgeHostedSite(siteSlug: string): Promise<void> | null {
  const domain = knownDomainOf(siteSlug);
  dropHostedSiteState(siteSlug);
  return notifyCdnPurge(siteSlug, domain);
}
