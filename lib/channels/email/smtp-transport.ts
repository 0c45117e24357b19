// Agent replies by email through SMTP (nodemailer). Each mail carries our own
// Message-ID (stored as the message's provider id, so the customer's reply
// threads back by In-Reply-To), In-Reply-To/References to the thread, and a
// signed Reply-To address for clients that drop those headers. SMTP 5xx is
// permanent; 4xx and connection errors are retried by the outbox.
import type { Db } from "../../db/client";
import { smtpClient, type SmtpTimeouts } from "../../system-mail/smtp";
import { PermanentDeliveryError, type Transport } from "../transports";
import { replyAddress } from "./addresses";

export interface EmailTransportOptions {
  smtpUrl: string;
  fromAddress: string;
  fromName: string;
  replySecret: string;
  /** bounded by default (see smtp.ts); tests use shorter ones */
  timeouts?: SmtpTimeouts;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** "Re: …" once there is an email thread to answer; the first email of a conversation an agent started has none. */
export function replySubject(subject: string | null, conversationId: number, isReply = true): string {
  const base = (subject ?? "Your request").replace(/\s*\[#\d+\]\s*$/, "").trim();
  return `${!isReply || /^re:/i.test(base) ? base : `Re: ${base}`} [#${conversationId}]`;
}

export function smtpEmailTransport(db: Db, opts: EmailTransportOptions): Transport {
  const smtp = smtpClient(opts.smtpUrl, opts.timeouts);
  const domain = opts.fromAddress.split("@")[1] ?? "localhost";
  return {
    async send(m) {
      const conversation = await db.conversation.findUniqueOrThrow({
        where: { id: m.conversationId },
        select: {
          subject: true,
          customer: {
            select: { name: true, identities: { where: { kind: "email" }, orderBy: { createdAt: "desc" }, take: 1 } },
          },
        },
      });
      const to = conversation.customer.identities[0]?.value;
      if (!to) throw new PermanentDeliveryError("the customer has no email address");
      const thread = await db.message.findMany({
        where: { conversationId: m.conversationId, channel: "email", providerId: { not: null }, id: { not: m.id } },
        orderBy: { createdAt: "asc" },
        select: { providerId: true },
      });
      const references = thread.map((t) => `<${t.providerId}>`).slice(-20);
      const messageId = `${m.id}@${domain}`;
      try {
        await smtp.sendMail({
          from: { name: opts.fromName, address: opts.fromAddress },
          to: { name: conversation.customer.name, address: to },
          replyTo: replyAddress(opts.fromAddress, m.conversationId, opts.replySecret),
          subject: replySubject(conversation.subject, m.conversationId, thread.length > 0),
          messageId: `<${messageId}>`,
          ...(references.length ? { inReplyTo: references.at(-1), references } : {}),
          text: m.body,
          html: textToHtml(m.body),
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (code && code >= 500) throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`);
        throw err;
      }
      return { status: "sent", providerId: messageId };
    },
  };
}
