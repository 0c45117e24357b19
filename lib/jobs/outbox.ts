// The outbox: durable jobs written in the same transaction as the change that
// causes them, so nothing stored is silently dropped and nothing is sent unstored.
// Inbound webhooks use it the other way round: the webhook stores the provider's
// payload as a job and answers; the worker ingests it. Acknowledged means stored.
import { databaseProvider, type Db, isUniqueViolation, Prisma, type Tx } from "../db/client";

export interface DeliverPayload {
  messageId: string;
}

export const INBOUND_KINDS = ["inbound.sms", "inbound.email"] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

/**
 * A job whose worker died mid-run is picked up again after this lease. A live worker renews it while the
 * job runs (renewLease), so a send that takes longer — a stalled SMTP server — is never run twice at once.
 */
export const LEASE_MS = 60_000;

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
function dueJobs(db: Db, kinds: readonly string[], now: Date, batchSize: number) {
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
async function claimJob(db: Db, job: { id: string; status: string; updatedAt: Date }, now: Date, leaseMs: number) {
  const won = await db.outboxJob.updateMany({
    where: { id: job.id, status: job.status, updatedAt: job.updatedAt },
    data: { status: "running", lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
  });
  return won.count === 1;
}

/** Lets waiting requests run between two jobs: the worker shares the event loop with the web server. */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Claims the next due job of these kinds, or null when none is due. On
 * PostgreSQL one statement picks and leases it with `FOR UPDATE SKIP LOCKED`,
 * so instances draining together never wait on or run the same job; SQLite
 * (one writer at a time) uses the conditional update of `claimJob`.
 */
export async function claimNextJob(db: Db, kinds: readonly string[], now: Date, leaseMs = LEASE_MS) {
  if (databaseProvider() === "postgres") {
    // Timestamps are stored as UTC wall time in "timestamp" columns: compare and write in UTC.
    const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    const lease = Prisma.sql`(${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      UPDATE "OutboxJob"
      SET "status" = 'running', "lockedUntil" = ${lease}, "attempts" = "attempts" + 1, "updatedAt" = ${at}
      WHERE "id" = (
        SELECT "id" FROM "OutboxJob"
        WHERE "kind" IN (${Prisma.join([...kinds])})
          AND (("status" = 'pending' AND "runAt" <= ${at}) OR ("status" = 'running' AND "lockedUntil" < ${at}))
        ORDER BY "runAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id"`;
    return rows[0] ? db.outboxJob.findUnique({ where: { id: rows[0].id } }) : null;
  }
  for (const candidate of await dueJobs(db, kinds, now, 10)) {
    if (await claimJob(db, candidate, now, leaseMs)) return db.outboxJob.findUnique({ where: { id: candidate.id } });
  }
  return null;
}

/** Extends a running job's lease; false when the job is no longer this run's (finished, or taken over). */
export async function renewLease(db: Db, job: { id: string; attempts: number }, until: Date): Promise<boolean> {
  const renewed = await db.outboxJob.updateMany({
    where: { id: job.id, status: "running", attempts: job.attempts },
    data: { lockedUntil: until },
  });
  return renewed.count === 1;
}
