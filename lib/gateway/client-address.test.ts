import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_HEADER, peerIsTrustedProxy } from "./client-address";

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const h = headers({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
    expect(clientAddress(h, parseTrustedProxies(""))).toBe("203.0.113.5");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6" }), null)).toBe("unknown");
    expect(clientAddress(headers({ [PEER_HEADER]: "::ffff:10.1.2.3" }), null)).toBe("10.1.2.3");
  });

  it("is read through a number of proxies: the address the outermost one received from", () => {
    const h = headers({ [PEER_HEADER]: "10.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.7" });
    expect(clientAddress(h, parseTrustedProxies("1"))).toBe("10.0.0.7");
    expect(clientAddress(h, parseTrustedProxies("2"))).toBe("198.51.100.4");
    // More hops than the chain has: the first address, never past it.
    expect(clientAddress(h, parseTrustedProxies("9"))).toBe("6.6.6.6");
  });

  it("is read through trusted networks: the first address from the right that is not one of ours", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, ::1");
    const via = (peer: string, xff: string) =>
      clientAddress(headers({ [PEER_HEADER]: peer, "x-forwarded-for": xff }), trust);
    expect(via("10.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.7")).toBe("198.51.100.4");
    expect(via("::1", "203.0.113.9")).toBe("203.0.113.9");
    // A peer we don't trust sent the header itself: it is ignored.
    expect(via("198.51.100.50", "10.0.0.9")).toBe("198.51.100.50");
    // Garbage in the chain is skipped, not taken for an address.
    expect(via("127.0.0.1", "not-an-ip, 203.0.113.10")).toBe("203.0.113.10");
  });

  it("trusts X-Forwarded-Host only from a trusted proxy", () => {
    const from = (peer: string) => headers({ [PEER_HEADER]: peer });
    expect(peerIsTrustedProxy(from("127.0.0.1"), null)).toBe(false);
    expect(peerIsTrustedProxy(from("127.0.0.1"), parseTrustedProxies("127.0.0.1/32"))).toBe(true);
    expect(peerIsTrustedProxy(from("198.51.100.1"), parseTrustedProxies("127.0.0.1/32"))).toBe(false);
    expect(peerIsTrustedProxy(from("198.51.100.1"), parseTrustedProxies("1"))).toBe(true);
  });

  it("refuses a TRUSTED_PROXIES it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/proxy\.internal/);
    expect(parseTrustedProxies("0")).toBeNull();
  });
});
