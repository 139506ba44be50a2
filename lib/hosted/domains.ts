// Host → hosted site, for own domains (proxy.ts). Every active site's domain (and its www alias) is
// kept in memory (refreshed every 30 s and whenever a site changes), so routing a request costs a map
// lookup, not a query. The app's own host (APP_URL / AUTH_URL, HOSTED_APP_HOSTS, localhost and
// loopback addresses) is never a site.
import { env } from "@/lib/config/env";
import { log } from "@/lib/log";
import { listHostedSiteDomains } from "@/lib/publishing/public";
import { bareHost } from "./html";

const REFRESH_MS = 30_000;
import type { DomainMap } from "./cache";
const state = globalThis as unknown as { __hostedDomains?: DomainMap; __hostedDomainsLoading?: Promise<DomainMap> };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]);

/** The host name of a Host header, lower case, without port. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.replace(/\]:\d+$/, "]");
  return h.replace(/:\d+$/, "").replace(/\.$/, "");
}

/** Whether the host serves the app itself (never a hosted site's domain). */
export function isAppHost(host: string): boolean {
  const name = hostName(host);
  // Loopback, IP addresses and names without a dot are never a site's domain.
  if (!name || LOOPBACK.has(name) || name.endsWith(".localhost") || name.startsWith("[") || /^[\d.]+$/.test(name) || !name.includes(".")) return true;
  for (const url of [env.APP_URL, env.AUTH_URL]) {
    if (url && hostName(new URL(url).host) === name) return true;
  }
  return (env.HOSTED_APP_HOSTS ?? "").split(",").some((h) => h.trim() && hostName(h) === name);
}

/** Whether the app's public address is configured: then an unknown host is answered 404, not the app. */
export function appHostConfigured(): boolean {
  return Boolean(env.APP_URL || env.AUTH_URL || env.HOSTED_APP_HOSTS);
}

async function load(): Promise<DomainMap> {
  const rows = await listHostedSiteDomains();
  const byHost = new Map<string, string>();
  const bySite = new Map<string, string>();
  for (const { slug, domain } of rows) {
    const host = bareHost(domain);
    if (!host || isAppHost(host)) continue;
    if (!byHost.has(host)) byHost.set(host, slug);
    if (!byHost.has(`www.${host}`)) byHost.set(`www.${host}`, slug);
    bySite.set(slug, domain);
  }
  return { byHost, bySite, loadedAt: Date.now() };
}

async function domains(): Promise<DomainMap> {
  const current = state.__hostedDomains;
  if (current && Date.now() - current.loadedAt < REFRESH_MS) return current;
  state.__hostedDomainsLoading ??= load()
    .then((map) => (state.__hostedDomains = map))
    .finally(() => (state.__hostedDomainsLoading = undefined));
  return state.__hostedDomainsLoading;
}

/** The slug of the active site served at this host, or null. */
export async function siteSlugForHost(host: string): Promise<string | null> {
  const name = hostName(host);
  if (isAppHost(name)) return null;
  try {
    return (await domains()).byHost.get(name) ?? null;
  } catch (error) {
    log.warn("could not load hosted sites' domains", { error: (error as Error).message });
    return null;
  }
}
