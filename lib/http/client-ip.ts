// The client's address: the socket's peer (passed by server.mjs in a header it always overwrites),
// or, when that peer is a trusted proxy, the address it forwarded (X-Forwarded-For, walked from
// the right past every trusted hop, as Express's `trust proxy` does). Rate limits key on this.
import { isIP } from "node:net";
import { isProduction, serverSetsSocketAddress } from "@/lib/config/env";
import { log } from "@/lib/log";
import { trustedProxies } from "./trusted-proxies";

/** Set by server.mjs on every request from `socket.remoteAddress`; a client's own value is overwritten. */
export const SOCKET_ADDRESS_HEADER = "x-socket-address";

const normalize = (address: string) => (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

let warned = false;

/** The immediate peer. Believed only from server.mjs (or outside production, where tests set it). */
export function socketAddress(headers: Headers): string | null {
  const value = headers.get(SOCKET_ADDRESS_HEADER)?.trim();
  if (serverSetsSocketAddress() || !isProduction()) return value && isIP(value) ? normalize(value) : null;
  if (!warned) {
    warned = true;
    log.warn("client addresses are unknown: start the app with `npm start` (server.mjs), which passes the socket address");
  }
  return null;
}

/** Whether the peer that sent this request is a trusted proxy (its X-Forwarded-* headers count). */
export function fromTrustedProxy(headers: Headers): boolean {
  const peer = socketAddress(headers);
  return peer !== null && trustedProxies()(peer, 0);
}

export function clientIp(headers: Headers): string {
  const peer = socketAddress(headers);
  if (!peer) return "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  const trust = trustedProxies();
  let client = peer;
  for (let hop = 0; hop < forwarded.length && trust(client, hop); hop++) {
    const next = normalize(forwarded[hop]);
    if (!isIP(next)) break; // a malformed entry ends the chain at the proxy that passed it
    client = next;
  }
  return client;
}
