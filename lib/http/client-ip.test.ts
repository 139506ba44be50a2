import { afterEach, describe, expect, it } from "vitest";
import { clientIp, fromTrustedProxy, SOCKET_ADDRESS_HEADER } from "./client-ip";
import { compileTrust } from "./trusted-proxies";

const request = (socket: string | null, forwardedFor?: string) =>
  new Headers({ ...(socket ? { [SOCKET_ADDRESS_HEADER]: socket } : {}), ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("clientIp", () => {
  it("without trusted proxies is the socket address, whatever X-Forwarded-For says", () => {
    expect(clientIp(request("203.0.113.9", "198.51.100.77"))).toBe("203.0.113.9");
    expect(clientIp(request("::ffff:203.0.113.9"))).toBe("203.0.113.9");
    expect(fromTrustedProxy(request("127.0.0.1"))).toBe(false);
  });

  it("behind a trusted proxy is the address it forwarded, walking right to left past trusted hops", () => {
    process.env.TRUSTED_PROXIES = "loopback, 10.0.0.0/8";
    expect(clientIp(request("127.0.0.1", "198.51.100.77"))).toBe("198.51.100.77");
    // The client made up the first entry; the proxies appended the real ones.
    expect(clientIp(request("127.0.0.1", "1.2.3.4, 198.51.100.77, 10.1.2.3"))).toBe("198.51.100.77");
    // All trusted: the leftmost.
    expect(clientIp(request("127.0.0.1", "10.0.0.5, 10.0.0.6"))).toBe("10.0.0.5");
    // An untrusted peer's header is ignored.
    expect(clientIp(request("203.0.113.9", "198.51.100.77"))).toBe("203.0.113.9");
    expect(fromTrustedProxy(request("10.9.9.9"))).toBe(true);
  });

  it("with a hop count trusts that many hops from the socket", () => {
    process.env.TRUSTED_PROXIES = "1";
    expect(clientIp(request("203.0.113.9", "1.2.3.4, 198.51.100.77"))).toBe("198.51.100.77");
    process.env.TRUSTED_PROXIES = "2";
    expect(clientIp(request("203.0.113.9", "1.2.3.4, 198.51.100.77"))).toBe("1.2.3.4");
  });

  it("stops at a malformed forwarded entry and never keys on made-up text", () => {
    process.env.TRUSTED_PROXIES = "loopback";
    expect(clientIp(request("127.0.0.1", "not-an-ip"))).toBe("127.0.0.1");
    expect(clientIp(request(null, "198.51.100.77"))).toBe("unknown");
    expect(clientIp(request("garbage", "198.51.100.77"))).toBe("unknown");
  });

  it("compiles addresses, CIDRs (IPv4 and IPv6) and named ranges", () => {
    const trust = compileTrust("192.0.2.1, 2001:db8::/32, uniquelocal");
    expect(trust("192.0.2.1", 0)).toBe(true);
    expect(trust("192.0.2.2", 0)).toBe(false);
    expect(trust("2001:db8::42", 0)).toBe(true);
    expect(trust("172.20.1.1", 0)).toBe(true);
    expect(trust("::ffff:192.168.1.1", 0)).toBe(true);
    expect(compileTrust(undefined)("127.0.0.1", 0)).toBe(false);
  });
});
