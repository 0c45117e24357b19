// Inbound email, one path for every way in (SMTP receiver, forwarding webhook,
// IMAP), once accept.ts has stored and queued the raw message: the worker
// parses it (mailparser), finds its thread — only ever among the sender's own
// conversations — and hands it to ingest.
import { simpleParser, type ParsedMail } from "mailparser";
import { z } from "zod";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { ingest } from "../../conversations/ingest";
import type { BlobStore } from "../../storage/blob-store";
import { bareMessageId, conversationFromAddresses, conversationFromSubject } from "./addresses";
import { isAutomated, isBounce } from "./automated";
import { withDeclaredCharsets } from "./charsets";
import { applyDeliveryReport } from "./delivery-status";
import { headerBlock, rawHeader, rawMessageId, sha256, storedMessageId } from "./raw-headers";
import { sanitizeEmailHtml } from "../../conversations/sanitize-html";
import { isEmailAddress } from "../../customers/identity";

export const ZInboundEmailJob = z.object({
  rawKey: z.string().min(1),
  /** SMTP envelope recipients (RCPT TO), when known: they name the mailbox even for Bcc copies */
  envelopeTo: z.array(z.string()).default([]),
  /** SMTP envelope sender (MAIL FROM), when known: the sender to answer when From is not an address */
  envelopeFrom: z.string().max(998).optional(),
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

const addressesOf = (field: ParsedMail["to"]) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/** The worker's part: parse, thread, ingest (or, for a bounce, mark our message failed). */
export async function receiveEmail(db: Db, settings: EmailIngestSettings, job: TInboundEmailJob, receivedAt?: Date) {
  const raw = await settings.store.get(job.rawKey);
  if (!raw) throw new Error(`raw email ${job.rawKey} is missing from storage`);
  const read = await readMail(raw);
  if (!read.mail) return ingestUnreadable(db, job, raw, read.error, receivedAt);
  const mail = read.mail;
  const header = (name: string) => {
    const v = mail.headers.get(name);
    return v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v);
  };
  const contentType = mail.headers.get("content-type") as
    { value?: string; params?: Record<string, string> } | undefined;
  const typeLine = contentType ? `${contentType.value}; report-type=${contentType.params?.["report-type"] ?? ""}` : "";
  if (isBounce(typeLine) && (await applyDeliveryReport(db, mail))) return;

  const messageId = mail.messageId ? storedMessageId(mail.messageId) : `sha:${job.rawKey}`;
  const references = [
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
    ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []),
  ].map(storedMessageId);
  const sender = senderOf(mail.from?.value[0], job.envelopeFrom, rawHeader(raw, "from"), messageId);
  const fromAddress = sender.identity.kind === "email" ? sender.identity.value : "";
  const identity = sender.identity;
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
    const contentType = (a.contentType || "application/octet-stream").slice(0, 255);
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
      ...(a.cid ? { contentId: bareMessageId(a.cid).slice(0, 500) } : {}),
    });
  }
  const html = typeof mail.html === "string" ? sanitizeEmailHtml(mail.html, { inlineImages }) : undefined;
  const text = mail.text?.trim() || (html ? sanitizeHtmlToText(html) : "") || "(no text)";

  const result = await ingest(db, {
    channel: "email",
    providerId: await providerIdFor(db, messageId, known?.customerId),
    from: { identity, name: sender.name },
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

/**
 * Parses the mail; a header block mailparser refuses (over its 1 MB limit) is cut down to what a
 * person could read, and parsed again. Null with the reason when nothing can be read.
 */
async function readMail(raw: Buffer): Promise<{ mail?: ParsedMail; error?: string }> {
  const parse = (bytes: Buffer) =>
    simpleParser(withDeclaredCharsets(bytes), { skipImageLinks: true, maxHtmlLengthToParse: 5_000_000 });
  try {
    return { mail: await parse(raw) };
  } catch (err) {
    try {
      return { mail: await parse(withShortHeaders(raw)) };
    } catch {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/** The message with every header field over 8 KB dropped (a body's MIME parts are left as they are). */
function withShortHeaders(raw: Buffer): Buffer {
  const head = headerBlock(raw);
  const fields = head.split(/\r?\n(?![ \t])/).filter((f) => f.length <= 8_192);
  return Buffer.concat([Buffer.from(fields.join("\r\n"), "latin1"), raw.subarray(Buffer.byteLength(head, "latin1"))]);
}

/**
 * Who the mail is from, as best it can be read: the From address if it is one, else the envelope sender
 * (MAIL FROM), else nobody we can answer — a withheld identity of this message alone, shown by the
 * From header's words. Real mail has From lines like "user@host", "a.@example.com" or a quoted local
 * part with spaces; it is kept, never refused.
 */
function senderOf(
  from: { address?: string; name?: string } | undefined,
  envelopeFrom: string | undefined,
  rawFrom: string | undefined,
  messageId: string,
) {
  const address = [from?.address, envelopeFrom].map((a) => a?.trim().toLowerCase() ?? "").find(isEmailAddress);
  const words = from?.name?.trim() || (address ? undefined : rawFrom?.trim());
  return {
    identity: address
      ? { kind: "email" as const, value: address }
      : { kind: "withheld" as const, value: `email:${messageId}`.slice(0, 320) },
    name: words?.slice(0, 200) || undefined,
  };
}

/**
 * The Message-ID this mail is stored under. A replay (the sender's own earlier copy) keeps it, so ingest
 * stores it once; a different sender's mail that reuses someone's Message-ID gets one of its own.
 */
async function providerIdFor(db: Db, messageId: string, senderCustomerId: string | undefined): Promise<string> {
  const stored = await db.message.findUnique({
    where: { channel_providerId: { channel: "email", providerId: messageId } },
    select: { direction: true, conversation: { select: { customerId: true } } },
  });
  if (!stored || (stored.direction === "inbound" && stored.conversation.customerId === senderCustomerId))
    return messageId;
  return `${messageId.slice(0, 480)}#${sha256(`${senderCustomerId ?? "new"}:${messageId}`).slice(0, 16)}`;
}

/** Mail nothing can parse: kept as a conversation saying so, with its original one click away. */
async function ingestUnreadable(
  db: Db,
  job: TInboundEmailJob,
  raw: Buffer,
  error: string | undefined,
  receivedAt?: Date,
) {
  const messageId = storedMessageId(rawMessageId(raw) ?? `sha:${job.rawKey}`);
  const sender = senderOf(undefined, job.envelopeFrom, rawHeader(raw, "from")?.slice(0, 200), messageId);
  return ingest(db, {
    channel: "email",
    providerId: messageId,
    from: { identity: sender.identity, name: sender.name },
    newConversation: true,
    subject: "(an email that could not be read)",
    body: `This email could not be read (${(error ?? "unknown error").slice(0, 300)}). Its original is kept: open "View original".`,
    rawStorageKey: job.rawKey,
    receivedAt,
  });
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
