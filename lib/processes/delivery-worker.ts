// Drains the outbox: claims due delivery jobs, hands each message to its
// channel's transport, retries failures with exponential backoff.
// Claiming is a conditional update, so several app instances can drain one
// database without delivering a message twice.
import { recordEvent } from "../audit/record-event";
import { appendStreamEvents } from "../realtime/stream-events";
import type { Db } from "../db/client";
import type { TChannel } from "../conversations/vocabulary";
import { PermanentDeliveryError, transportFor, type TransportMap } from "../channels/transports";
import { claimJob, type DeliverPayload, dueJobs, yieldToRequests } from "./outbox";

export interface DrainOptions {
  transports: TransportMap;
  now?: () => Date;
  batchSize?: number;
}

export interface DrainResult {
  delivered: number;
  retried: number;
  failed: number;
}

/** 5 s, 10 s, 20 s … capped at one hour, with ±20 % jitter so retries don't stampede. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export async function drainOutbox(db: Db, opts: DrainOptions): Promise<DrainResult> {
  const now = opts.now ?? (() => new Date());
  const result: DrainResult = { delivered: 0, retried: 0, failed: 0 };
  for (const job of await dueJobs(db, ["deliver"], now(), opts.batchSize ?? 50)) {
    await yieldToRequests();
    if (!(await claimJob(db, job, now()))) continue;
    result[await deliverJob(db, job.id, opts.transports, now)]++;
  }
  return result;
}

async function deliverJob(db: Db, jobId: string, transports: TransportMap, now: () => Date) {
  const job = await db.outboxJob.findUniqueOrThrow({ where: { id: jobId } });
  const { messageId } = JSON.parse(job.payload) as DeliverPayload;
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
  if (!message) {
    await db.outboxJob.update({
      where: { id: jobId },
      data: { status: "failed", lastError: "message no longer exists", lockedUntil: null },
    });
    return "failed" as const;
  }
  try {
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
      await tx.outboxJob.update({ where: { id: jobId }, data: { status: "done", lockedUntil: null, lastError: null } });
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
    return "delivered" as const;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof PermanentDeliveryError || (err as { permanent?: boolean })?.permanent === true;
    if (permanent || job.attempts >= job.maxAttempts) {
      await db.$transaction(async (tx) => {
        await tx.message.update({
          where: { id: message.id },
          data: { deliveryStatus: "failed", deliveryError: error },
        });
        await tx.outboxJob.update({
          where: { id: jobId },
          data: { status: "failed", lastError: error, lockedUntil: null },
        });
        await recordEvent(tx, {
          action: "message.delivery_failed",
          conversationId: message.conversationId,
          data: { messageId: message.id, error },
        });
      });
      return "failed" as const;
    }
    await db.outboxJob.update({
      where: { id: jobId },
      data: {
        status: "pending",
        lastError: error,
        lockedUntil: null,
        runAt: new Date(now().getTime() + backoffMs(job.attempts)),
      },
    });
    return "retried" as const;
  }
}
