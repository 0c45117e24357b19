// Delivery of stored replies: the outbox's "deliver" jobs, run by the job
// engine, hand each message to its channel's transport. A permanent error or
// the last attempt marks the message failed, with the reason, on the timeline.
import { recordEvent } from "../audit/record-event";
import { appendStreamEvents } from "../realtime/stream-events";
import type { Db, Tx } from "../db/client";
import type { TChannel } from "../shared/vocabulary";
import { drainJobs, type JobKind, PermanentJobError } from "../jobs/job-runner";
import type { DeliverPayload } from "../jobs/outbox";
import { transportFor, type TransportMap } from "./transports";

export interface DrainOptions {
  transports: TransportMap;
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
}

export interface DrainResult {
  delivered: number;
  retried: number;
  failed: number;
}

export async function drainOutbox(db: Db, opts: DrainOptions): Promise<DrainResult> {
  const r = await drainJobs(db, deliveryJobs(opts.transports), {
    now: opts.now,
    batchSize: opts.batchSize ?? 50,
    leaseMs: opts.leaseMs,
  });
  return { delivered: r.processed, retried: r.retried, failed: r.failed };
}

export function deliveryJobs(transports: TransportMap): { deliver: JobKind } {
  return {
    deliver: {
      run: async (db, payload, job) => {
        const { messageId } = payload as DeliverPayload;
        const message = await db.message.findUnique({
          where: { id: messageId },
          select: {
            id: true,
            conversationId: true,
            channel: true,
            body: true,
            conversation: { select: { customerId: true } },
          },
        });
        if (!message) throw new PermanentJobError("message no longer exists");
        const sent = await transportFor(transports, message.channel as TChannel).send({
          id: message.id,
          conversationId: message.conversationId,
          channel: message.channel as TChannel,
          body: message.body,
          customerId: message.conversation.customerId,
        });
        await db.$transaction(async (tx) => {
          await tx.message.update({
            where: { id: message.id },
            data: {
              deliveryStatus: sent.status,
              deliveryError: null,
              ...(sent.providerId ? { providerId: sent.providerId } : {}),
            },
          });
          // Sent and done in one write: a crash after it never sends the message again.
          await job.markDone(tx);
          // Live timelines show "sent"; not an audit event (the outbox row is the record).
          await appendStreamEvents(tx, [
            {
              action: "message.delivery_status",
              conversationId: message.conversationId,
              data: { messageId: message.id, status: sent.status },
            },
          ]);
          if (sent.note) {
            await recordEvent(tx, {
              action: "message.delivery_note",
              conversationId: message.conversationId,
              data: { messageId: message.id, note: sent.note },
            });
          }
        });
      },
      failedForGood: markMessageFailed,
    },
  };
}

async function markMessageFailed(tx: Tx, payload: unknown, error: string): Promise<void> {
  const { messageId } = payload as DeliverPayload;
  const message = await tx.message.findUnique({ where: { id: messageId }, select: { conversationId: true } });
  if (!message) return;
  await tx.message.update({ where: { id: messageId }, data: { deliveryStatus: "failed", deliveryError: error } });
  await recordEvent(tx, {
    action: "message.delivery_failed",
    conversationId: message.conversationId,
    data: { messageId, error },
  });
}
