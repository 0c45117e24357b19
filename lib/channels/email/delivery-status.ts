// The machine-readable part of a delivery status notification (RFC 3464): one
// block of fields for the report, then one per recipient with its Action
// (failed, delayed, delivered, relayed, expanded), Status (5.1.1, 4.4.1 …),
// Final-Recipient and, often, the remote server's Diagnostic-Code.
import type { ParsedMail } from "mailparser";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { storedMessageId } from "./raw-headers";

export interface RecipientStatus {
  action: string;
  status?: string;
  recipient?: string;
  diagnostic?: string;
}

export function readDeliveryStatus(text: string): RecipientStatus[] {
  const unfolded = text.replace(/\r?\n[ \t]+/g, " ");
  return unfolded.split(/\r?\n\s*\r?\n/).flatMap((block): RecipientStatus[] => {
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(block)?.[1]?.trim();
    const typed = (value: string | undefined) => value?.replace(/^[\w-]+;\s*/, "");
    const action = field("action")?.toLowerCase();
    if (!action) return [];
    return [
      {
        action,
        status: field("status"),
        recipient: typed(field("final-recipient") ?? field("original-recipient")),
        diagnostic: typed(field("diagnostic-code")),
      },
    ];
  });
}

/**
 * A delivery report (RFC 3464) for a mail we sent — the original's Message-ID is in the returned headers.
 * Only an Action of "failed" is a bounce; "delayed" (a 4.x.x warning: the server keeps trying) is a note
 * on the timeline, and "delivered"/"relayed"/"expanded" change nothing. False when it is not about ours.
 */
export async function applyDeliveryReport(db: Db, mail: ParsedMail): Promise<boolean> {
  let original: string | undefined;
  let statusText = "";
  for (const a of mail.attachments) {
    const text = a.content.toString("utf8");
    if (/message\/(rfc822|global)|text\/rfc822-headers/i.test(a.contentType)) {
      original ??= /^message-id:\s*<?([^\s<>]+)>?/im.exec(text)?.[1];
    }
    if (/message\/(delivery-status|global-delivery-status)/i.test(a.contentType)) statusText += `\n\n${text}`;
  }
  if (!original) return false;
  // mailparser reads a message/delivery-status part into the text, not the attachments.
  const report = readDeliveryStatus(statusText || (mail.text ?? ""));
  const message = await db.message.findUnique({
    where: { channel_providerId: { channel: "email", providerId: storedMessageId(original) } },
    select: { id: true, conversationId: true, direction: true },
  });
  if (!message || message.direction !== "outbound") return false;
  const failed = report.find((r) => r.action === "failed");
  const delayed = report.find((r) => r.action === "delayed");
  // A report without per-recipient fields is read as the failure it almost always is.
  const bounced = failed ?? (report.length === 0 ? { status: undefined, diagnostic: undefined } : undefined);
  if (bounced) {
    const reason = bounced.diagnostic || bounced.status || mail.subject || "undeliverable";
    const error = `bounced: ${reason}`.slice(0, 500);
    await db.$transaction(async (tx) => {
      await tx.message.update({ where: { id: message.id }, data: { deliveryStatus: "failed", deliveryError: error } });
      await recordEvent(tx, {
        action: "message.delivery_failed",
        conversationId: message.conversationId,
        data: { messageId: message.id, error },
      });
    });
  } else if (delayed) {
    const why = [delayed.status, delayed.diagnostic].filter(Boolean).join(" ");
    await recordEvent(db, {
      action: "message.delivery_note",
      conversationId: message.conversationId,
      data: {
        messageId: message.id,
        note: `delivery delayed${why ? ` (${why})` : ""}: the receiving server keeps trying`.slice(0, 500),
      },
    });
  }
  return true;
}
