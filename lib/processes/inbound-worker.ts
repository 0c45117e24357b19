// Runs inbound jobs: payloads a webhook stored and acknowledged, ingested here.
// A failure is retried with the outbox's backoff and, when attempts run out,
// kept as a failed job (with its payload) for an operator to replay — never dropped.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { backoffMs } from "./delivery-worker";
import { claimJob, dueJobs, INBOUND_KINDS, type InboundKind, yieldToRequests } from "./outbox";

/** What runs a job of each kind; `receivedAt` is when the webhook stored it (timeline order is arrival order). */
export type InboundHandlers = Record<InboundKind, (db: Db, payload: unknown, receivedAt: Date) => Promise<unknown>>;

export interface InboundResult {
  processed: number;
  retried: number;
  failed: number;
}

export async function drainInbound(
  db: Db,
  handlers: InboundHandlers,
  opts: { now?: () => Date; batchSize?: number } = {},
): Promise<InboundResult> {
  const now = opts.now ?? (() => new Date());
  const result: InboundResult = { processed: 0, retried: 0, failed: 0 };
  for (const candidate of await dueJobs(db, INBOUND_KINDS, now(), opts.batchSize ?? 100)) {
    await yieldToRequests();
    if (!(await claimJob(db, candidate, now()))) continue;
    const job = await db.outboxJob.findUniqueOrThrow({ where: { id: candidate.id } });
    try {
      await handlers[job.kind as InboundKind](db, JSON.parse(job.payload), job.createdAt);
      await db.outboxJob.update({
        where: { id: job.id },
        data: { status: "done", lockedUntil: null, lastError: null },
      });
      result.processed++;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      // A 4xx from the domain means the payload itself is wrong: retrying cannot help.
      const last = job.attempts >= job.maxAttempts || (err instanceof AppError && err.status < 500);
      log.error(last ? "inbound job failed for good" : "inbound job failed; will retry", {
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
