// A chat visitor's token: which site, which visitor, signed with the app's
// secret. The widget keeps it in the browser (the visitor's history survives
// reloads there); it proves nothing else, and grants only that visitor's chat.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface Visitor {
  siteKey: string;
  visitorId: string;
}

const mac = (payload: string, secret: string) =>
  createHmac("sha256", `omnidesk:visitor:${secret}`).update(payload).digest("base64url");

export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

export function issueVisitorToken(v: Visitor, secret: string): string {
  const payload = `vt1.${v.siteKey}.${v.visitorId}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The visitor a token names, or null if it is malformed or not ours. */
export function verifyVisitorToken(token: string, secret: string): Visitor | null {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== "vt1") return null;
  const [, siteKey, visitorId, given] = parts as [string, string, string, string];
  if (!/^[\w-]{1,64}$/.test(siteKey) || !/^[\w-]{16,64}$/.test(visitorId)) return null;
  const expected = Buffer.from(mac(`vt1.${siteKey}.${visitorId}`, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { siteKey, visitorId } : null;
}

/** The identity value a visitor's messages come from (identity kind "chat"). */
export const visitorIdentity = (v: Visitor) => `${v.siteKey}:${v.visitorId}`;
