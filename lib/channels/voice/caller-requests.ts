// What a caller can ask the IVR for without an agent: a callback, or the status
// of their latest request. Callers are matched by their E.164 number only.
import { formatNumber, parsePhoneNumberFromString } from "libphonenumber-js";
import type { Db } from "../../db/client";
import { ingest } from "../../conversations/ingest";

/** A callback request is a message in the caller's conversation, so agents see it in the inbox; once per call. */
export async function requestCallback(db: Db, callSid: string, phone: string): Promise<number> {
  const result = await ingest(db, {
    channel: "voice",
    providerId: `callback-${callSid}`,
    from: { identity: { kind: "phone", value: phone } },
    subject: `Callback request from ${phone}`,
    body: `Callback requested: please call ${phone} back.`,
  });
  await db.call.updateMany({
    where: { callSid },
    data: { conversationId: result.conversationId, outcome: "callback" },
  });
  return result.conversationId;
}

const SPOKEN_STATUS: Record<string, string> = {
  new: "received and waiting for an agent",
  open: "open, and an agent is working on it",
  pending: "waiting for your reply",
  solved: "solved",
  closed: "closed",
};

/** The sentence the caller hears about their most recently active conversation. */
export async function latestTicketStatus(db: Db, phone: string | undefined): Promise<string> {
  const identity = phone
    ? await db.identity.findUnique({
        where: { kind_value: { kind: "phone", value: phone } },
        select: { customerId: true },
      })
    : null;
  const latest = identity
    ? await db.conversation.findFirst({
        where: { customerId: identity.customerId },
        orderBy: { lastMessageAt: "desc" },
        select: { id: true, status: true, subject: true },
      })
    : null;
  if (!latest) return "We could not find a request from this phone number.";
  const about = latest.subject ? `, about ${latest.subject.slice(0, 80)},` : "";
  return `Your latest request, number ${latest.id}${about} is ${SPOKEN_STATUS[latest.status] ?? latest.status}.`;
}

/** "+14155550177" read out digit by digit in the national format. */
export function spokenNumber(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  const national = phone ? formatNumber(phone.number, "NATIONAL") : e164;
  return national.replace(/\D/g, "").split("").join(" ");
}
