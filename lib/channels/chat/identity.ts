// Identity validation for host sites with signed-in users (Chatwoot's idea):
// the site's server signs its user's id (and email) with the chat site's
// identity secret, the loader passes that along, and the helpdesk joins the
// chat to the customer behind that email — their other channels, one history.
// Without a valid signature nothing is joined: typing an id or address proves nothing.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const ZChatIdentity = z.strictObject({
  userId: z.string().trim().min(1).max(200),
  email: z.email().max(320).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  /** hex HMAC-SHA256 of `${userId}\n${email ?? ""}` with the site's identity secret */
  hash: z.string().regex(/^[0-9a-f]{64}$/i, "hash must be 64 hex characters"),
});
export type ChatIdentity = z.infer<typeof ZChatIdentity>;

/** Each site's identity secret, derived from the app secret (shown to admins with the site). */
export function identitySecret(siteKey: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(`omnidesk:chat-identity:${siteKey}`).digest("hex");
}

export function identityHash(secret: string, userId: string, email?: string): string {
  return createHmac("sha256", secret)
    .update(`${userId}\n${email?.toLowerCase() ?? ""}`)
    .digest("hex");
}

export function validIdentity(secret: string, id: ChatIdentity): boolean {
  const expected = Buffer.from(identityHash(secret, id.userId, id.email), "hex");
  const given = Buffer.from(id.hash, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A signed-in user is the same visitor on every browser: their id, not a random one. */
export function visitorIdForUser(userId: string): string {
  return `u${createHash("sha256").update(userId).digest("base64url").slice(0, 31)}`;
}
