// An agent's reply or internal note. A customer-visible reply is stored as
// queued together with its outbox job, so it is delivered even after a crash.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { refreshSla } from "../automation/sla-clock";
import { count, countDuration, secondsBetween } from "../reports/counters";
import type { Db } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";
import { enqueueDelivery } from "../jobs/outbox";
import { requireSmsRecipient } from "../customers/sms-consent";
import { ZChannel, type TChannel } from "../shared/vocabulary";
import { updateConversation } from "./update-conversation";
import { mentionedAgents, notify } from "../users/notifications";

export const ZReply = z.strictObject({
  body: z.string().trim().min(1, "Write a message first").max(50_000),
  internal: z.boolean().optional(),
  channel: ZChannel.optional(),
  /** "send and solve": the conversation is solved once the reply is stored */
  solve: z.boolean().optional(),
});
export type TReply = z.infer<typeof ZReply>;

/** Channels an agent's words can go out on. A call is answered by SMS or email. */
const REPLYABLE: readonly TChannel[] = ["portal", "chat", "email", "sms", "api"];

export interface ReplyResult {
  messageId: string;
  channel: TChannel;
  internal: boolean;
}

export async function reply(db: Db, conversationId: number, authorUserId: string, input: TReply): Promise<ReplyResult> {
  const { body, internal = false } = ZReply.parse(input);
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      status: true,
      channel: true,
      firstResponseAt: true,
      customerId: true,
      teamId: true,
      createdAt: true,
    },
  });
  if (!conversation) throw notFound("Conversation");
  if (!internal && conversation.status === "closed") {
    throw conflict("conversation_closed", "This conversation is closed; reopen it before replying.");
  }
  const channel =
    input.channel ?? (await customersLastChannel(db, conversationId)) ?? (conversation.channel as TChannel);
  if (!internal && !REPLYABLE.includes(channel)) {
    throw badRequest("channel_not_replyable", `Replies can't go out by ${channel}; pick another channel.`);
  }

  if (!internal && channel === "sms")
    await requireSmsRecipient(db, conversation.customerId, "Reply on another channel.");

  const now = new Date();
  const messageId = await db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        conversationId,
        direction: internal ? "note" : "outbound",
        channel,
        authorUserId,
        body,
        deliveryStatus: internal ? "internal" : "queued",
        createdAt: now,
      },
      select: { id: true },
    });
    if (!internal) await enqueueDelivery(tx, message.id, now);
    await tx.conversation.update({
      where: { id: conversationId },
      data: {
        lastMessageAt: now,
        ...(!internal && !conversation.firstResponseAt ? { firstResponseAt: now } : {}),
        ...(!internal && conversation.status === "new" ? { status: "open" } : {}),
      },
    });
    if (!internal && !conversation.firstResponseAt) {
      const dims = { at: now, channel: conversation.channel, teamId: conversation.teamId, agentId: authorUserId };
      await count(tx, dims, { firstResponses: 1 });
      await countDuration(tx, dims, "first_response", secondsBetween(conversation.createdAt, now));
    }
    if (!internal) await refreshSla(tx, conversationId);
    if (internal)
      for (const userId of await mentionedAgents(tx, body))
        await notify(tx, { userId, kind: "mentioned", conversationId, actorUserId: authorUserId });
    await recordEvent(tx, {
      action: internal ? "note.added" : "message.sent",
      actorUserId: authorUserId,
      conversationId,
      data: { messageId: message.id, channel },
    });
    return message.id;
  });
  if (input.solve) await updateConversation(db, conversationId, authorUserId, { status: "solved" });
  return { messageId, channel, internal };
}

/** Replies go out where the customer last wrote from. */
async function customersLastChannel(db: Db, conversationId: number): Promise<TChannel | undefined> {
  const last = await db.message.findFirst({
    where: { conversationId, direction: "inbound" },
    orderBy: { createdAt: "desc" },
    select: { channel: true },
  });
  return last?.channel as TChannel | undefined;
}
