// Merging two conversations of one customer into one timeline: the source's
// messages (with their attachments) and calls move to the target, the source is
// closed and points at it. Only by an agent's explicit action.
import { z } from "zod";
import { recordEvents } from "../audit/record-event";
import { refreshSla } from "../automation/sla-clock";
import type { Db } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";

export const ZConversationMerge = z.strictObject({ intoConversationId: z.number().int().positive() });

export async function mergeConversations(db: Db, sourceId: number, targetId: number, actorUserId: string) {
  if (sourceId === targetId) throw badRequest("same_conversation", "Pick another conversation to merge into");
  return db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.conversation.findUnique({ where: { id: sourceId } }),
      tx.conversation.findUnique({ where: { id: targetId } }),
    ]);
    if (!source) throw notFound("Conversation");
    if (!target) throw notFound("Conversation to merge into");
    if (source.customerId !== target.customerId) {
      throw conflict(
        "different_customers",
        "Only conversations of the same customer can be merged; merge the customers first",
      );
    }
    if (source.mergedIntoId || target.mergedIntoId) {
      throw conflict("conversation_merged", "One of these conversations was merged already");
    }
    const messages = await tx.message.updateMany({
      where: { conversationId: sourceId },
      data: { conversationId: targetId },
    });
    await tx.call.updateMany({ where: { conversationId: sourceId }, data: { conversationId: targetId } });
    const now = new Date();
    await tx.conversation.update({
      where: { id: sourceId },
      data: { status: "closed", mergedIntoId: targetId, resolvedAt: source.resolvedAt ?? now },
    });
    await tx.conversation.update({
      where: { id: targetId },
      data: {
        lastMessageAt: source.lastMessageAt > target.lastMessageAt ? source.lastMessageAt : target.lastMessageAt,
        // The earlier first answer is the conversation's first answer.
        ...(source.firstResponseAt && (!target.firstResponseAt || source.firstResponseAt < target.firstResponseAt)
          ? { firstResponseAt: source.firstResponseAt }
          : {}),
      },
    });
    await recordEvents(tx, [
      {
        action: "conversation.merged",
        actorUserId,
        conversationId: targetId,
        data: { from: sourceId, messages: messages.count },
      },
      { action: "conversation.merged_into", actorUserId, conversationId: sourceId, data: { into: targetId } },
    ]);
    await refreshSla(tx, sourceId);
    await refreshSla(tx, targetId);
    return { conversationId: targetId, movedMessages: messages.count };
  });
}
