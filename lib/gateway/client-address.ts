// Who is calling, by network address: the socket's peer, unless that peer is a
// proxy we were told to trust (TRUSTED_PROXIES), in which case the address it
// forwarded. Anything a client writes into X-Forwarded-For itself is ignored
// when nothing trusted sits in front of the app — else a new header value
// every time would dodge every per-address limit.
import { BlockList, isIP } from "node:net";
import { env } from "../env";

/** Set by the server on every request to the socket's peer address (lib/runtime/request-guard.ts). */
export const PEER_HEADER = "x-omnidesk-peer";

/** How far to trust X-Forwarded-For: a number of proxies in front of the app, or the proxies' networks. */
export type ProxyTrust = { hops: number } | { networks: BlockList } | null;

export type HeaderLookup = (name: string) => unknown;

/** "2" (two proxies in front), "10.0.0.0/8, 127.0.0.1" (these networks), or empty (trust none). */
export function parseTrustedProxies(value: string | undefined): ProxyTrust {
  const text = value?.trim() ?? "";
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) > 0 ? { hops: Number(text) } : null;
  const networks = new BlockList();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or network`);
    const type = family === 4 ? "ipv4" : "ipv6";
    networks.addSubnet(address!, prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix), type);
  }
  return { networks };
}

let parsed: { from: string; trust: ProxyTrust } | undefined;

/** TRUSTED_PROXIES, parsed once (again only if it changes, as tests do). */
export function trustedProxies(): ProxyTrust {
  const from = env().TRUSTED_PROXIES;
  if (parsed?.from !== from) parsed = { from, trust: parseTrustedProxies(from) };
  return parsed.trust;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) → "10.0.0.1" */
const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

function isTrusted(address: string, trust: ProxyTrust & { networks: BlockList }): boolean {
  const family = isIP(address);
  return family !== 0 && trust.networks.check(address, family === 4 ? "ipv4" : "ipv6");
}

const text = (header: HeaderLookup, name: string) => {
  const v = header(name);
  return typeof v === "string" ? v.trim() : "";
};

/** The calling client's address, or "unknown" when the server did not say who its peer was. */
export function clientAddress(header: HeaderLookup, trust: ProxyTrust): string {
  const peer = plain(text(header, PEER_HEADER)) || "unknown";
  if (!trust) return peer;
  // The chain as the last proxy saw it: each hop appended the address it received the request from.
  const chain = [
    ...text(header, "x-forwarded-for")
      .split(",")
      .map(plain)
      .filter((a) => isIP(a)),
    peer,
  ];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  let i = chain.length - 1;
  while (i > 0 && isTrusted(chain[i]!, trust)) i--;
  return chain[i]!;
}

/** Whether headers a proxy sets (X-Forwarded-Host) came from a proxy we trust, not from the client. */
export function peerIsTrustedProxy(header: HeaderLookup, trust: ProxyTrust): boolean {
  if (!trust) return false;
  if ("hops" in trust) return true;
  return isTrusted(plain(text(header, PEER_HEADER)), trust);
}
