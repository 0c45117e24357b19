// Runs outbox jobs of given kinds through their handlers. A failure is retried
// with the outbox's backoff and, when attempts run out (or the domain says the
// payload itself is wrong, a 4xx), kept as a failed job with its payload for an
// operator to replay — never dropped.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { backoffMs } from "./delivery-worker";
import { claimNextJob, yieldToRequests } from "./outbox";

export interface JobInfo {
  /** when the job was stored (for inbound jobs: when the message arrived) */
  createdAt: Date;
  /** this run's number, from 1 */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler = (db: Db, payload: unknown, job: JobInfo) => Promise<unknown>;

export interface JobsResult {
  processed: number;
  retried: number;
  failed: number;
}

export async function drainJobs<K extends string>(
  db: Db,
  handlers: Record<K, JobHandler>,
  opts: { now?: () => Date; batchSize?: number } = {},
): Promise<JobsResult> {
  const now = opts.now ?? (() => new Date());
  const result: JobsResult = { processed: 0, retried: 0, failed: 0 };
  const kinds = Object.keys(handlers);
  for (let n = 0; n < (opts.batchSize ?? 100); n++) {
    await yieldToRequests();
    const job = await claimNextJob(db, kinds, now());
    if (!job) break;
    try {
      await handlers[job.kind as K](db, JSON.parse(job.payload), {
        createdAt: job.createdAt,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
      });
      await db.outboxJob.update({
        where: { id: job.id },
        data: { status: "done", lockedUntil: null, lastError: null },
      });
      result.processed++;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const last = job.attempts >= job.maxAttempts || (err instanceof AppError && err.status < 500);
      log.error(last ? "job failed for good" : "job failed; will retry", {
        jobId: job.id,
        kind: job.kind,
        attempts: job.attempts,
        err,
      });
      await db.outboxJob.update({
        where: { id: job.id },
        data: last
          ? { status: "failed", lastError: error, lockedUntil: null }
          : {
              status: "pending",
              lastError: error,
              lockedUntil: null,
              runAt: new Date(now().getTime() + backoffMs(job.attempts)),
            },
      });
      result[last ? "failed" : "retried"]++;
    }
  }
  return result;
}
