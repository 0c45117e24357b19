// The outbox: durable jobs written in the same transaction as the change that
// causes them, so nothing stored is silently dropped and nothing is sent unstored.
// Inbound webhooks use it the other way round: the webhook stores the provider's
// payload as a job and answers; the worker ingests it. Acknowledged means stored.
import { type Db, isUniqueViolation, type Tx } from "../db/client";

export interface DeliverPayload {
  messageId: string;
}

export const INBOUND_KINDS = ["inbound.sms", "inbound.email"] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

/** A job whose worker died mid-run is picked up again after this lease. */
const LEASE_MS = 60_000;

export async function enqueueDelivery(tx: Tx, messageId: string, runAt = new Date()): Promise<void> {
  const payload: DeliverPayload = { messageId };
  await tx.outboxJob.create({ data: { kind: "deliver", payload: JSON.stringify(payload), messageId, runAt } });
}

/** Stores an inbound payload once per `dedupeKey`: a retried webhook finds it queued already. */
export async function enqueueInbound(
  db: Db,
  kind: InboundKind,
  dedupeKey: string,
  payload: unknown,
): Promise<{ duplicate: boolean }> {
  try {
    await db.outboxJob.create({ data: { kind, dedupeKey, payload: JSON.stringify(payload) } });
    return { duplicate: false };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { duplicate: true };
  }
}

/** Due jobs of these kinds (pending, or running with an expired lease), oldest first. */
export function dueJobs(db: Db, kinds: readonly string[], now: Date, batchSize: number) {
  return db.outboxJob.findMany({
    where: {
      kind: { in: [...kinds] },
      OR: [
        { status: "pending", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: batchSize,
    select: { id: true, status: true, updatedAt: true },
  });
}

/**
 * Claims a job only if nobody changed it since we read it (a conditional
 * update), so several instances never run one job at the same time. Claim
 * right before running it: the lease starts now.
 */
export async function claimJob(db: Db, job: { id: string; status: string; updatedAt: Date }, now: Date) {
  const won = await db.outboxJob.updateMany({
    where: { id: job.id, status: job.status, updatedAt: job.updatedAt },
    data: { status: "running", lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  return won.count === 1;
}

/** Lets waiting requests run between two jobs: the worker shares the event loop with the web server. */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
