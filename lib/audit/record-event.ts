import type { Tx } from "../db/client";
import { appendStreamEvents } from "../realtime/stream-events";
import { isWebhookEvent } from "../shared/webhook-events";

export interface EventInput {
  action: string;
  actorUserId?: string | null;
  conversationId?: number | null;
  data?: Record<string, unknown>;
}

/**
 * Records a domain or security event; call it inside the transaction of the
 * change it describes, if there is one. Conversation events also go to the
 * realtime feed, in the same transaction.
 */
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
      // Only events partners can subscribe to wait for the webhook fan-out.
      published: !isWebhookEvent(e.action),
    })),
  });
  await appendStreamEvents(tx, events);
}
