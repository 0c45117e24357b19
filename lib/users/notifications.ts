// What an agent is told about: a conversation assigned to them, a mention of
// them in an internal note (@Their Name), a customer answering a conversation
// of theirs. Written in the transaction of the change; the inbox fetches them
// again when the live stream reports a conversation event.
import { z } from "zod";
import type { Db, Tx } from "../db/client";

export type NotificationKind = "assigned" | "mentioned" | "customer_replied";

export async function notify(
  tx: Tx | Db,
  n: { userId: string; kind: NotificationKind; conversationId: number; actorUserId?: string | null },
) {
  // Nobody is told about what they did themselves.
  if (n.actorUserId && n.actorUserId === n.userId) return;
  await tx.notification.create({
    data: { userId: n.userId, kind: n.kind, conversationId: n.conversationId, actorUserId: n.actorUserId ?? null },
  });
}

/** The active agents a note mentions as `@Full Name` (case does not matter), longest names first. */
export async function mentionedAgents(tx: Tx | Db, body: string): Promise<string[]> {
  if (!body.includes("@")) return [];
  const agents = await tx.user.findMany({
    where: { role: { in: ["agent", "admin"] }, deactivatedAt: null },
    select: { id: true, name: true },
  });
  const text = body.toLowerCase();
  return agents
    .filter((a) => {
      const at = text.indexOf(`@${a.name.toLowerCase()}`);
      // "@Sam Support" mentions Sam Support, not "Sam Supporting"
      return at >= 0 && !/[\p{L}\p{N}]/u.test(text.charAt(at + a.name.length + 1));
    })
    .map((a) => a.id);
}

export async function listNotifications(db: Db, userId: string) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, kind: true, conversationId: true, createdAt: true, readAt: true, actorUserId: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  const [conversations, actors] = await Promise.all([
    db.conversation.findMany({
      where: { id: { in: [...new Set(items.map((n) => n.conversationId))] } },
      select: { id: true, subject: true, customer: { select: { name: true } } },
    }),
    db.user.findMany({
      where: { id: { in: [...new Set(items.flatMap((n) => n.actorUserId ?? []))] } },
      select: { id: true, name: true },
    }),
  ]);
  return {
    unread,
    items: items.map(({ actorUserId, ...n }) => ({
      ...n,
      conversation: conversations.find((c) => c.id === n.conversationId) ?? null,
      actor: actors.find((a) => a.id === actorUserId)?.name ?? null,
    })),
  };
}

export const ZMarkRead = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

export async function markRead(db: Db, userId: string, input: z.infer<typeof ZMarkRead>) {
  const r = await db.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: r.count };
}
