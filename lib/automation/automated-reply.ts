// A message the helpdesk writes by itself (acknowledgement, rule auto-reply,
// satisfaction survey) on the customer's channel: delivered through the outbox
// with the change that caused it, marked automated, never counted as a response.
import { recordEvents } from "../audit/record-event";
import type { Tx } from "../db/client";
import type { TChannel } from "../shared/vocabulary";
import { enqueueDelivery } from "../jobs/outbox";

export async function sendAutomatedReply(tx: Tx, conversationId: number, channel: TChannel, body: string, now: Date) {
  // Calls are answered where a voice message can't go: the customer's number by SMS is not assumed.
  if (channel === "voice") return;
  const message = await tx.message.create({
    data: {
      conversationId,
      direction: "outbound",
      channel,
      body,
      automated: true,
      deliveryStatus: "queued",
      createdAt: now,
    },
    select: { id: true },
  });
  await enqueueDelivery(tx, message.id, now);
  await recordEvents(tx, [
    { action: "message.sent", conversationId, data: { messageId: message.id, channel, automated: true } },
  ]);
}
