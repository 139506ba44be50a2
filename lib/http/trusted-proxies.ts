// Which hops in front of the app may be believed about the client (X-Forwarded-For/-Host/-Proto),
// configured like Express's `trust proxy`: TRUSTED_PROXIES is a hop count ("1": the peer that
// connects to us is a proxy) or a list of addresses, CIDRs and the names loopback, linklocal,
// uniquelocal. Unset: nobody is trusted and forwarded headers are ignored.
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/config/env";

export type TrustFn = (address: string, hop: number) => boolean;

const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

export function compileTrust(setting: string | undefined): TrustFn {
  const value = setting?.trim();
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const list = new BlockList();
  for (const entry of value.split(",").flatMap((part) => NAMED[part.trim().toLowerCase()] ?? [part.trim()])) {
    if (!entry) continue;
    const [address, bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
  };
}

let compiled: { setting: string | undefined; trust: TrustFn } | undefined;

/** The configured trust function (recompiled when the setting changes, e.g. between tests). */
export function trustedProxies(): TrustFn {
  const setting = env.TRUSTED_PROXIES;
  if (!compiled || compiled.setting !== setting) compiled = { setting, trust: compileTrust(setting) };
  return compiled.trust;
}
