// "Does my domain point here?": a check the user runs from the site settings. DNS only (no request
// is sent to the domain, so it cannot be used to probe other hosts): the domain's CNAME or addresses
// are compared with the app's own host (APP_URL). Behind a CDN the addresses differ; the answer says so.
import { lookup, resolveCname } from "node:dns/promises";
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import { appBaseUrl } from "@/lib/http/origin";
import { getSite } from "./service";

export type DomainCheck = {
  domain: string | null;
  host: string | null;
  appHost: string;
  cname: string[];
  addresses: string[];
  appAddresses: string[];
  pointsHere: boolean;
  detail: string;
};

const TIMEOUT_MS = 5_000;
const within = <T>(promise: Promise<T>, fallback: T) => Promise.race([promise.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), TIMEOUT_MS).unref())]);
const addressesOf = async (host: string) => (await within(lookup(host, { all: true }), [] as { address: string }[])).map((a) => a.address).sort();
const trimDot = (name: string) => name.toLowerCase().replace(/\.$/, "");

/** The DNS records to add, for the settings page. */
export function dnsInstructions(domain: string | null): { host: string; appHost: string } | null {
  if (!domain) return null;
  try {
    return { host: new URL(domain).hostname, appHost: new URL(appBaseUrl()).hostname };
  } catch {
    return null;
  }
}

export async function checkSiteDomain(db: ScopedDb, ctx: AppContext, siteId: number): Promise<DomainCheck> {
  assertCan(ctx.role, "manageAccount");
  const site = await getSite(db, siteId);
  const appHost = new URL(appBaseUrl()).hostname;
  const dns = dnsInstructions(site.domain);
  if (!dns) return { domain: site.domain, host: null, appHost, cname: [], addresses: [], appAddresses: [], pointsHere: false, detail: "Set the site's domain first (General → Domain)." };
  const [cname, addresses, appAddresses] = await Promise.all([within(resolveCname(dns.host), [] as string[]).then((names) => names.map(trimDot)), addressesOf(dns.host), addressesOf(appHost)]);
  const byCname = cname.includes(trimDot(appHost));
  const byAddress = addresses.length > 0 && addresses.some((a) => appAddresses.includes(a));
  const pointsHere = byCname || byAddress;
  const detail = pointsHere
    ? `${dns.host} points here (${byCname ? `CNAME ${appHost}` : `address ${addresses.find((a) => appAddresses.includes(a))}`}).`
    : addresses.length
      ? `${dns.host} resolves to ${addresses.join(", ")}, not to this app (${appAddresses.join(", ") || appHost}). If a CDN serves it, check it there.`
      : `No DNS record found for ${dns.host} yet (changes can take a while to spread).`;
  return { domain: site.domain, host: dns.host, appHost, cname, addresses, appAddresses, pointsHere, detail };
}
