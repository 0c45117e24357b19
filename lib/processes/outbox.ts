// The outbox: durable jobs written in the same transaction as the change that
// causes them, so nothing stored is silently dropped and nothing is sent unstored.
import type { Tx } from "../db/client";

export interface DeliverPayload {
  messageId: string;
}

export async function enqueueDelivery(tx: Tx, messageId: string, runAt = new Date()): Promise<void> {
  const payload: DeliverPayload = { messageId };
  await tx.outboxJob.create({ data: { kind: "deliver", payload: JSON.stringify(payload), messageId, runAt } });
}
