// Which addresses the helpdesk receives mail for, and the per-conversation
// reply address (support+c_42_1a2b3c4d@…) that lets a reply find its thread
// even when a mail client drops the In-Reply-To header.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface MailboxConfig {
  /** full addresses we accept, lower-case: support@acme.test */
  addresses: string[];
  /** whole domains we accept, lower-case: help.acme.test */
  domains: string[];
}

function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  return { local: address.slice(0, at).toLowerCase(), domain: address.slice(at + 1).toLowerCase() };
}

/** Accepts a configured address (with or without a +tag) or any address at a configured domain. */
export function acceptsRecipient(config: MailboxConfig, address: string): boolean {
  const parts = split(address.trim());
  if (!parts) return false;
  if (config.domains.includes(parts.domain)) return true;
  const base = `${parts.local.split("+")[0]}@${parts.domain}`;
  return config.addresses.includes(base);
}

const sign = (secret: string, id: number) =>
  createHmac("sha256", secret).update(`conversation:${id}`).digest("hex").slice(0, 10);

/** support@acme.test → support+c_42_<mac>@acme.test */
export function replyAddress(base: string, conversationId: number, secret: string): string {
  const parts = split(base)!;
  return `${parts.local}+c_${conversationId}_${sign(secret, conversationId)}@${parts.domain}`;
}

/** The conversation a tagged recipient names, if its signature checks out. */
export function conversationFromAddresses(addresses: string[], secret: string): number | undefined {
  for (const address of addresses) {
    const m = /\+c_(\d{1,12})_([0-9a-f]{10})@/i.exec(address);
    if (!m) continue;
    const id = Number(m[1]);
    const expected = Buffer.from(sign(secret, id));
    const given = Buffer.from(m[2]!.toLowerCase());
    if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
  }
  return undefined;
}

/** "[#42]" in a subject */
export function conversationFromSubject(subject: string | undefined): number | undefined {
  const m = /\[#(\d{1,12})\]/.exec(subject ?? "");
  return m ? Number(m[1]) : undefined;
}

/** <abc@x> → abc@x: Message-IDs are stored and compared without angle brackets. */
export function bareMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, "");
}
