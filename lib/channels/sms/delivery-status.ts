// Twilio's delivery callbacks for our outbound SMS. They arrive out of order and
// may repeat: a message's status only ever moves forward.
import { z } from "zod";
import { ZMessageSid } from "../twilio-ids";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";

export const ZTwilioStatusCallback = z.looseObject({
  MessageSid: ZMessageSid,
  MessageStatus: z.enum([
    "accepted",
    "scheduled",
    "queued",
    "sending",
    "sent",
    "delivered",
    "undelivered",
    "failed",
    "read",
    "receiving",
    "received",
    "canceled",
    "partially_delivered",
  ]),
  ErrorCode: z.string().max(10).optional(),
});
export type TTwilioStatusCallback = z.infer<typeof ZTwilioStatusCallback>;

/**
 * Our message id, put in the statusCallback URL because a callback can beat the API's answer. Callbacks
 * configured on a Messaging Service come without it: those find the message by its MessageSid.
 */
export const ZStatusCallbackQuery = z.object({ m: z.string().min(1).max(64).optional() });

const OURS: Record<string, "queued" | "sent" | "delivered" | "failed" | undefined> = {
  accepted: "queued",
  scheduled: "queued",
  queued: "queued",
  sending: "queued",
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  partially_delivered: "delivered",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

// delivered and failed are both final: whichever arrives first stands.
const RANK: Record<string, number> = { queued: 1, sent: 2, delivered: 3, failed: 3 };

export async function applySmsStatus(
  db: Db,
  messageId: string | undefined,
  cb: TTwilioStatusCallback,
): Promise<"updated" | "ignored"> {
  const next = OURS[cb.MessageStatus];
  if (!next) return "ignored";
  const message = await db.message.findFirst({
    where: {
      ...(messageId ? { id: messageId } : { providerId: cb.MessageSid }),
      channel: "sms",
      direction: "outbound",
    },
    select: { id: true, conversationId: true, deliveryStatus: true, providerId: true },
  });
  if (!message || (message.providerId && message.providerId !== cb.MessageSid)) return "ignored";
  if ((RANK[message.deliveryStatus] ?? 0) >= RANK[next]!) return "ignored";
  const error =
    next === "failed" ? `Twilio ${cb.MessageStatus}${cb.ErrorCode ? ` (error ${cb.ErrorCode})` : ""}` : null;
  return db.$transaction(async (tx) => {
    // Conditional on the status we read, so two racing callbacks cannot both move it.
    const moved = await tx.message.updateMany({
      where: { id: message.id, deliveryStatus: message.deliveryStatus },
      data: { deliveryStatus: next, deliveryError: error, providerId: cb.MessageSid },
    });
    if (!moved.count) return "ignored" as const;
    await recordEvent(tx, {
      action: next === "failed" ? "message.delivery_failed" : "message.delivery_status",
      conversationId: message.conversationId,
      data: { messageId: message.id, status: next, twilioStatus: cb.MessageStatus, ...(error ? { error } : {}) },
    });
    return "updated" as const;
  });
}
