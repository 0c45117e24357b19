import type { Tx } from "../db/client";

export interface EventInput {
  action: string;
  actorUserId?: string | null;
  conversationId?: number | null;
  data?: Record<string, unknown>;
}

/** Records a domain or security event; call it inside the transaction of the change it describes, if there is one. */
export async function recordEvent(tx: Tx, e: EventInput): Promise<void> {
  await recordEvents(tx, [e]);
}

/** Several events in one statement. */
export async function recordEvents(tx: Tx, events: EventInput[]): Promise<void> {
  await tx.auditEvent.createMany({
    data: events.map((e) => ({
      action: e.action,
      actorUserId: e.actorUserId ?? null,
      conversationId: e.conversationId ?? null,
      data: JSON.stringify(e.data ?? {}),
    })),
  });
}
