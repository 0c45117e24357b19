// The one job engine: runs outbox jobs of given kinds through their handlers.
// A failure is retried with backoff; when attempts run out, or the failure is
// one retrying cannot fix (a PermanentJobError, or a 4xx from the domain: the
// payload itself is wrong), the job is kept as failed with its payload for an
// operator to replay — never dropped.
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { backoffMs } from "./backoff";
import { claimNextJob, type InboundKind, LEASE_MS, renewLease, yieldToRequests } from "./outbox";

export interface JobInfo {
  id: string;
  /** when the job was stored (for inbound jobs: when the message arrived) */
  createdAt: Date;
  /** this run's number, from 1 */
  attempt: number;
  maxAttempts: number;
  /**
   * Marks the job done inside the handler's own transaction, so its effect and its end are one write
   * (the engine then does not mark it again).
   */
  markDone: (tx: Tx) => Promise<void>;
}

export type JobHandler = (db: Db, payload: unknown, job: JobInfo) => Promise<unknown>;

/** What ingests a job of each inbound kind; `job.createdAt` is when the webhook stored it (timeline order is arrival order). */
export type InboundHandlers = Record<InboundKind, JobHandler>;

/** A handler with a say in how its job ends for good. */
export interface JobKind {
  run: JobHandler;
  /** Runs in the transaction that marks the job failed for good (e.g. to mark the message it was sending). */
  failedForGood?: (tx: Tx, payload: unknown, error: string) => Promise<void>;
}

/** A failure that retrying cannot fix (an invalid address, an opted-out number, a message gone). */
export class PermanentJobError extends Error {
  readonly permanent = true;
}

export interface JobsResult {
  processed: number;
  retried: number;
  failed: number;
}

async function markJobDone(tx: Tx, jobId: string): Promise<void> {
  await tx.outboxJob.update({ where: { id: jobId }, data: { status: "done", lockedUntil: null, lastError: null } });
}

export async function drainJobs<K extends string>(
  db: Db,
  handlers: Record<K, JobHandler | JobKind>,
  opts: { now?: () => Date; batchSize?: number; leaseMs?: number } = {},
): Promise<JobsResult> {
  const now = opts.now ?? (() => new Date());
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const result: JobsResult = { processed: 0, retried: 0, failed: 0 };
  const kinds = Object.keys(handlers);
  for (let n = 0; n < (opts.batchSize ?? 100); n++) {
    await yieldToRequests();
    const job = await claimNextJob(db, kinds, now(), leaseMs);
    if (!job) break;
    const handler = handlers[job.kind as K];
    const kind: JobKind = typeof handler === "function" ? { run: handler } : handler;
    const payload: unknown = JSON.parse(job.payload);
    const renewal = keepLeased(db, job, leaseMs, now);
    let markedDone = false;
    try {
      await kind.run(db, payload, {
        id: job.id,
        createdAt: job.createdAt,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        markDone: async (tx) => {
          await markJobDone(tx, job.id);
          markedDone = true;
        },
      });
      if (!markedDone) await markJobDone(db, job.id);
      result.processed++;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const last = job.attempts >= job.maxAttempts || isPermanent(err);
      // A retry is routine (a provider down for a minute); a job that failed for good needs a person.
      (last ? log.error : log.warn)(last ? "job failed for good" : "job failed; will retry", {
        jobId: job.id,
        kind: job.kind,
        attempts: job.attempts,
        err,
      });
      if (last) {
        await db.$transaction(async (tx) => {
          await tx.outboxJob.update({
            where: { id: job.id },
            data: { status: "failed", lastError: error, lockedUntil: null },
          });
          await kind.failedForGood?.(tx, payload, error);
        });
      } else {
        await db.outboxJob.update({
          where: { id: job.id },
          data: {
            status: "pending",
            lastError: error,
            lockedUntil: null,
            runAt: new Date(now().getTime() + backoffMs(job.attempts)),
          },
        });
      }
      result[last ? "failed" : "retried"]++;
    } finally {
      clearInterval(renewal);
    }
  }
  return result;
}

/** Renews the job's lease every third of it while its handler runs, so no other worker takes it over. */
function keepLeased(db: Db, job: { id: string; attempts: number }, leaseMs: number, now: () => Date) {
  const timer = setInterval(() => {
    renewLease(db, job, new Date(now().getTime() + leaseMs)).catch((err) =>
      log.warn("could not renew a job's lease", { jobId: job.id, err }),
    );
  }, leaseMs / 3);
  timer.unref();
  return timer;
}

function isPermanent(err: unknown): boolean {
  return (err instanceof AppError && err.status < 500) || (err as { permanent?: unknown } | null)?.permanent === true;
}
