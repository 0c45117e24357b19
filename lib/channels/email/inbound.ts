// Inbound email, one path for every way in (SMTP receiver, forwarding webhook):
// the raw message is stored and queued before anyone is told "accepted"; the
// worker parses it (mailparser), finds its thread — only ever among the
// sender's own conversations — and hands it to ingest.
import { simpleParser, type ParsedMail } from "mailparser";
import { z } from "zod";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { ingest } from "../../conversations/ingest";
import { enqueueInbound } from "../../jobs/outbox";
import type { BlobStore } from "../../storage/blob-store";
import { bareMessageId, conversationFromAddresses, conversationFromSubject } from "./addresses";
import { isAutomated, isBounce } from "./automated";
import { sanitizeEmailHtml } from "../../conversations/sanitize-html";

export const ZInboundEmailJob = z.object({
  rawKey: z.string().min(1),
  /** SMTP envelope recipients (RCPT TO), when known: they name the mailbox even for Bcc copies */
  envelopeTo: z.array(z.string()).default([]),
  source: z.enum(["smtp", "webhook", "imap"]),
});
export type TInboundEmailJob = z.infer<typeof ZInboundEmailJob>;

export interface EmailIngestSettings {
  store: BlobStore;
  /** signs the per-conversation reply addresses */
  replySecret: string;
  /** largest attachment kept, in bytes; larger ones are listed but not stored */
  maxAttachmentBytes: number;
}

/** The Message-ID from the raw header block, without parsing the whole message. */
export function rawMessageId(raw: Buffer): string | undefined {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end === -1 ? Math.min(raw.length, 65_536) : end).toString("latin1");
  const m = /^message-id:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>]{1,500})>?/im.exec(head);
  return m?.[1];
}

/** Stores the raw bytes and queues them, once per Message-ID. Returns when both are durable. */
export async function acceptRawEmail(
  db: Db,
  store: BlobStore,
  raw: Buffer,
  meta: { envelopeTo?: string[]; source: TInboundEmailJob["source"] },
) {
  const rawKey = await store.put(raw, "eml");
  const messageId = rawMessageId(raw);
  const job: TInboundEmailJob = { rawKey, envelopeTo: meta.envelopeTo ?? [], source: meta.source };
  return enqueueInbound(db, "inbound.email", messageId ? `email:${messageId}` : `email:sha:${rawKey}`, job);
}

const addressesOf = (field: ParsedMail["to"]) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/** The worker's part: parse, thread, ingest (or, for a bounce, mark our message failed). */
export async function receiveEmail(db: Db, settings: EmailIngestSettings, job: TInboundEmailJob, receivedAt?: Date) {
  const raw = await settings.store.get(job.rawKey);
  if (!raw) throw new Error(`raw email ${job.rawKey} is missing from storage`);
  const mail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 5_000_000 });
  const header = (name: string) => {
    const v = mail.headers.get(name);
    return v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v);
  };
  const fromAddress = mail.from?.value[0]?.address?.trim().toLowerCase() ?? "";
  const contentType = mail.headers.get("content-type") as
    { value?: string; params?: Record<string, string> } | undefined;
  const typeLine = contentType ? `${contentType.value}; report-type=${contentType.params?.["report-type"] ?? ""}` : "";
  if (isBounce(typeLine) && (await applyBounce(db, mail))) return;

  const messageId = mail.messageId ? bareMessageId(mail.messageId) : `sha:${job.rawKey}`;
  const references = [
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
    ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []),
  ].map(bareMessageId);
  const identity = fromAddress.includes("@")
    ? { kind: "email" as const, value: fromAddress }
    : { kind: "withheld" as const, value: `email:${messageId}` };
  const known = await db.identity.findUnique({ where: { kind_value: identity }, select: { customerId: true } });
  const recipients = [...job.envelopeTo, ...addressesOf(mail.to), ...addressesOf(mail.cc)];
  const thread = await findThread(db, {
    customerId: known?.customerId,
    references,
    recipients,
    subject: mail.subject,
    replySecret: settings.replySecret,
  });

  const attachments = [];
  const inlineImages: Record<string, string> = {};
  for (const a of mail.attachments) {
    const filename: string = (a.filename || `attachment-${attachments.length + 1}`).slice(0, 255);
    const contentType = a.contentType || "application/octet-stream";
    if (a.size > settings.maxAttachmentBytes) {
      attachments.push({ filename, contentType, size: a.size, storageKey: "too-large" });
      continue;
    }
    const storageKey = await settings.store.put(a.content, filename.split(".").pop());
    if (a.cid) inlineImages[bareMessageId(a.cid)] = `/api/attachments/${storageKey}`;
    attachments.push({
      filename,
      contentType,
      size: a.size,
      storageKey,
      ...(a.cid ? { contentId: bareMessageId(a.cid) } : {}),
    });
  }
  const html = typeof mail.html === "string" ? sanitizeEmailHtml(mail.html, { inlineImages }) : undefined;
  const text = mail.text?.trim() || (html ? sanitizeHtmlToText(html) : "") || "(no text)";

  const result = await ingest(db, {
    channel: "email",
    providerId: messageId,
    from: { identity, name: mail.from?.value[0]?.name?.trim() || undefined },
    ...(thread.conversationId ? { conversationId: thread.conversationId } : { newConversation: true }),
    subject: (mail.subject ?? "").trim().slice(0, 200) || undefined,
    body: text.slice(0, 100_000),
    bodyHtml: html?.slice(0, 2_000_000),
    rawStorageKey: job.rawKey,
    automated: isAutomated(header, fromAddress),
    attachments,
    receivedAt,
    context: { mailbox: [...new Set(recipients.map((r) => r.toLowerCase()))].slice(0, 50) },
  });
  if (thread.relatedConversationId && result.createdConversation) {
    // Someone else's thread was referenced: a new conversation, pointing at it for agents.
    await recordEvent(db, {
      action: "conversation.related",
      conversationId: result.conversationId,
      data: { relatedConversationId: thread.relatedConversationId, reason: "references another customer's thread" },
    });
  }
  return result;
}

function sanitizeHtmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/tr)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

interface ThreadQuery {
  customerId?: string;
  references: string[];
  recipients: string[];
  subject?: string;
  replySecret: string;
}

/**
 * The sender's conversation this mail continues: by the Message-IDs it
 * references, then the signed reply address, then "[#id]" in the subject —
 * each only if the conversation is the sender's own and not closed.
 */
export async function findThread(
  db: Db,
  q: ThreadQuery,
): Promise<{ conversationId?: number; relatedConversationId?: number }> {
  const candidates: number[] = [];
  let related: number | undefined;
  if (q.references.length) {
    const referenced = await db.message.findFirst({
      where: { channel: "email", providerId: { in: q.references.slice(-50) } },
      orderBy: { createdAt: "desc" },
      select: { conversationId: true },
    });
    if (referenced) candidates.push(referenced.conversationId);
  }
  const byAddress = conversationFromAddresses(q.recipients, q.replySecret);
  if (byAddress) candidates.push(byAddress);
  const bySubject = conversationFromSubject(q.subject);
  if (bySubject) candidates.push(bySubject);
  for (const id of candidates) {
    const c = await db.conversation.findUnique({ where: { id }, select: { customerId: true, status: true } });
    if (!c) continue;
    if (c.customerId !== q.customerId) {
      related ??= id;
      continue;
    }
    if (c.status !== "closed") return { conversationId: id };
  }
  return { relatedConversationId: related };
}

/** A bounce for a mail we sent: the original's Message-ID is in the returned headers. */
async function applyBounce(db: Db, mail: ParsedMail): Promise<boolean> {
  let original: string | undefined;
  let diagnostic = "";
  for (const a of mail.attachments) {
    const text = a.content.toString("utf8");
    if (/message\/(rfc822|global)|text\/rfc822-headers/i.test(a.contentType)) {
      original ??= /^message-id:\s*<?([^\s<>]+)>?/im.exec(text)?.[1];
    }
    if (/message\/(delivery-status|global-delivery-status)/i.test(a.contentType)) {
      diagnostic = /^diagnostic-code:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? /^status:\s*(.+)$/im.exec(text)?.[1] ?? "";
    }
  }
  if (!original) return false;
  // mailparser reads a message/delivery-status part into the text, not the attachments.
  diagnostic ||= /^diagnostic-code:\s*(.+)$/im.exec(mail.text ?? "")?.[1]?.trim() ?? "";
  const message = await db.message.findUnique({
    where: { channel_providerId: { channel: "email", providerId: bareMessageId(original) } },
    select: { id: true, conversationId: true, direction: true },
  });
  if (!message || message.direction !== "outbound") return false;
  const error = `bounced: ${diagnostic || mail.subject || "undeliverable"}`.slice(0, 500);
  await db.$transaction(async (tx) => {
    await tx.message.update({ where: { id: message.id }, data: { deliveryStatus: "failed", deliveryError: error } });
    await recordEvent(tx, {
      action: "message.delivery_failed",
      conversationId: message.conversationId,
      data: { messageId: message.id, error },
    });
  });
  return true;
}
