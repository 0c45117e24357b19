// Accepting a raw email (SMTP receiver, forwarding webhook, IMAP): stored and
// queued before anyone is told "accepted", once per mail; the worker does the
// rest (inbound.ts).
import { hostname } from "node:os";
import type { Db } from "../../db/client";
import { enqueueInbound } from "../../jobs/outbox";
import type { BlobStore } from "../../storage/blob-store";
import type { TInboundEmailJob } from "./inbound";
import { rawHeader, rawMessageId, sha256, storedMessageId } from "./raw-headers";

/**
 * Which deliveries are the same mail: the same Message-ID from the same sender to the same addresses
 * (a relay's retry, a forwarder's replay). A different mail that reuses a Message-ID is not one of them.
 * Without a Message-ID, the same bytes.
 */
function inboundKey(raw: Buffer, envelopeTo: string[]): string {
  const messageId = rawMessageId(raw);
  if (!messageId) return `email:sha:${sha256(raw)}`;
  const from = (rawHeader(raw, "from") ?? "").toLowerCase();
  const to = envelopeTo.map((a) => a.trim().toLowerCase()).sort();
  return `email:${storedMessageId(messageId)}|${sha256([from, ...to].join("\n")).slice(0, 16)}`;
}

export interface AcceptMeta {
  envelopeTo?: string[];
  envelopeFrom?: string;
  source: TInboundEmailJob["source"];
  /** who handed the message to us (SMTP client or webhook caller), for the Received line */
  peer?: { address?: string; name?: string };
}

/**
 * Stores the raw bytes and queues them, once per mail (see inboundKey). Returns when both are durable.
 * Mail that reaches us directly gets the trace headers every MTA adds — Return-Path with the envelope
 * sender, a Received line for this hop — so "view original" shows who really sent it.
 */
export async function acceptRawEmail(db: Db, store: BlobStore, raw: Buffer, meta: AcceptMeta, now = new Date()) {
  const envelopeTo = meta.envelopeTo ?? [];
  const stored = meta.source === "imap" ? raw : Buffer.concat([traceHeaders(meta, now), raw]);
  const rawKey = await store.put(stored, "eml");
  const job: TInboundEmailJob = {
    rawKey,
    envelopeTo,
    source: meta.source,
    ...(meta.envelopeFrom ? { envelopeFrom: meta.envelopeFrom.slice(0, 998) } : {}),
  };
  return enqueueInbound(db, "inbound.email", inboundKey(raw, envelopeTo), job);
}

function traceHeaders(meta: AcceptMeta, now: Date): Buffer {
  const clean = (v: string | undefined) => (v ?? "").replace(/[^\x21-\x7e]/g, "").slice(0, 255);
  const from = `${clean(meta.peer?.name) || "unknown"}${meta.peer?.address ? ` ([${clean(meta.peer.address)}])` : ""}`;
  const via = meta.source === "smtp" ? "ESMTP" : "HTTPS";
  return Buffer.from(
    `Return-Path: <${clean(meta.envelopeFrom)}>\r\n` +
      `Received: from ${from}\r\n\tby ${clean(hostname())} (Omnidesk) with ${via}; ${now.toUTCString().replace("GMT", "+0000")}\r\n`,
    "latin1",
  );
}
