// Who is typing or viewing a conversation, as signals (lib/realtime/signals.ts).
import { z } from "zod";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { publishSignal } from "./signals";

export const ZAgentActivity = z.strictObject({
  /** the agent is writing a reply or note (false when they stop or send) */
  typing: z.boolean().optional(),
  /** the agent has the conversation open (sent every 20 s while it is) */
  viewing: z.boolean().optional(),
});

export async function agentActivity(
  db: Db,
  conversationId: number,
  agent: { id: string; name: string },
  activity: z.infer<typeof ZAgentActivity>,
): Promise<void> {
  const c = await db.conversation.findUnique({ where: { id: conversationId }, select: { customerId: true } });
  if (!c) throw notFound("Conversation");
  const by = { by: "agent" as const, userId: agent.id, name: agent.name };
  if (activity.viewing !== undefined) {
    await publishSignal(db, {
      type: "viewing",
      conversationId,
      customerId: c.customerId,
      staffOnly: true,
      data: { ...by, active: activity.viewing },
    });
  }
  if (activity.typing !== undefined) {
    // Customers see that someone is answering; colleagues see who, before two of them answer.
    await publishSignal(db, {
      type: "typing",
      conversationId,
      customerId: c.customerId,
      staffOnly: false,
      data: { ...by, active: activity.typing },
    });
  }
}

/** A customer (or chat visitor) typing in their current conversation: for the agents. */
export async function customerTyping(db: Db, customerId: string, typing: boolean): Promise<void> {
  const c = await db.conversation.findFirst({
    where: { customerId },
    orderBy: { lastMessageAt: "desc" },
    select: { id: true, customer: { select: { name: true } } },
  });
  if (!c) return;
  await publishSignal(db, {
    type: "typing",
    conversationId: c.id,
    customerId,
    staffOnly: true,
    data: { by: "customer", name: c.customer.name, active: typing },
  });
}
