// Reading a raw message's header block without parsing the message (which may
// be what fails): one header's value, the Message-ID as we store and match it.
import { createHash } from "node:crypto";
import { bareMessageId } from "./addresses";

export const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** Where a raw message's header block ends (its first blank line, CRLF or bare LF), or -1. */
export function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  return crlf === -1 ? lf : lf === -1 ? crlf : Math.min(crlf, lf);
}

/** The header block of a raw message (up to the first blank line), as latin1 text. */
export function headerBlock(raw: Buffer): string {
  const end = headerEnd(raw);
  return raw.subarray(0, end === -1 ? Math.min(raw.length, 65_536) : end).toString("latin1");
}

/** One header's value from the raw header block, unfolded, without parsing the whole message. */
export function rawHeader(raw: Buffer, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, "im").exec(headerBlock(raw));
  return m?.[1]?.replace(/\r?\n[ \t]+/g, " ").trim();
}

/** The Message-ID from the raw header block, without parsing the whole message. */
export function rawMessageId(raw: Buffer): string | undefined {
  return /^<?([^\s<>]{1,})>?/.exec(rawHeader(raw, "message-id") ?? "")?.[1];
}

/**
 * A Message-ID as we store and match it: without angle brackets, and hashed when it is longer than the
 * provider-id column takes (real mail has them; a replay of the same mail hashes the same).
 */
export function storedMessageId(id: string): string {
  const bare = bareMessageId(id);
  return bare.length > 500 ? `sha256:${sha256(bare)}` : bare;
}
