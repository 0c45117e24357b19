// Runs inbound jobs: payloads a webhook stored and acknowledged, ingested here
// (see job-runner.ts for retries and failures).
import type { Db } from "../db/client";
import { drainJobs, type JobInfo, type JobsResult } from "./job-runner";
import type { InboundKind } from "./outbox";

/** What runs a job of each kind; `job.createdAt` is when the webhook stored it (timeline order is arrival order). */
export type InboundHandlers = Record<InboundKind, (db: Db, payload: unknown, job: JobInfo) => Promise<unknown>>;

export type InboundResult = JobsResult;

export function drainInbound(db: Db, handlers: InboundHandlers, opts: { now?: () => Date; batchSize?: number } = {}) {
  return drainJobs(db, handlers, opts);
}
