// "Seen" receipts both ways: the visitor's widget showed the agents' replies,
// or an agent had the conversation open. Recorded once per change.
import { recordEvents } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import { visitorCustomerId } from "./visitor-chat";
import type { Visitor } from "./visitor-token";

/** The visitor's widget showed the helpdesk's messages up to this one: they are seen. */
export async function markSeenByVisitor(db: Db, v: Visitor, upToMessageId: string, now = new Date()) {
  const customerId = await visitorCustomerId(db, v);
  const upTo = await db.message.findFirst({
    where: { id: upToMessageId, conversation: { customerId: customerId ?? "-" } },
    select: { conversationId: true, createdAt: true },
  });
  if (!upTo) throw notFound("Message");
  await markSeen(db, upTo.conversationId, "outbound", upTo.createdAt, now, "customer");
}

/** An agent has the conversation open: the customer's chat messages in it are seen. */
export async function markSeenByAgent(db: Db, conversationId: number, now = new Date()) {
  await markSeen(db, conversationId, "inbound", now, now, "agent");
}

async function markSeen(
  db: Db,
  conversationId: number,
  direction: "inbound" | "outbound",
  upTo: Date,
  now: Date,
  by: "customer" | "agent",
) {
  await db.$transaction(async (tx) => {
    const seen = await tx.message.updateMany({
      where: { conversationId, direction, channel: "chat", seenAt: null, createdAt: { lte: upTo } },
      data: { seenAt: now },
    });
    // Only a change is news: reopening a conversation already seen sends nothing.
    if (seen.count)
      await recordEvents(tx, [{ action: "message.seen", conversationId, data: { by, count: seen.count } }]);
  });
}
