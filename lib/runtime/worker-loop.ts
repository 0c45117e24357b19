// Runs the outbox worker inside the app process: on a timer, and at once when a
// route stores something to do. Two lanes drain side by side, so a slow
// provider never holds up what arrives: inbound (payloads to ingest, partner
// webhook fan-out, SLA timers, waiting conversations to agents) and outbound
// (partner webhooks, the helpdesk's own mail, deliveries to customers).
import { db } from "../db/client";
import { configuredMailSender, configuredTransports } from "./configured-transports";
import { env, publicUrl } from "../env";
import { assignWaiting } from "../automation/auto-assign";
import { slaHandlers } from "../automation/sla-clock";
import { systemMailHandlers } from "../system-mail/system-mail";
import { log } from "../log";
import { drainOutbox } from "../channels/delivery";
import { inboundHandlers } from "./inbound-handlers";
import { drainJobs } from "../jobs/job-runner";
import { createLanes, type Lanes } from "../jobs/lanes";
import { webhookHandlers } from "../webhooks/webhook-jobs";
import { fanOutEvents } from "../webhooks/webhooks";
import { forgetExpiredIdempotencyKeys } from "../gateway/idempotency";

const BATCH = 100;

// Kept on globalThis: instrumentation.ts starts the worker, route handlers wake
// it, and Next.js may load this module once for each of them.
interface WorkerState {
  timer?: NodeJS.Timeout;
  lanes?: Lanes<"inbound" | "outbound">;
}
const state = ((globalThis as { omnideskWorker?: WorkerState }).omnideskWorker ??= {});

function workerLanes(): Lanes<"inbound" | "outbound"> {
  const transports = configuredTransports(db());
  const mail = systemMailHandlers(configuredMailSender(), env().NEXTAUTH_SECRET);
  const sla = slaHandlers({ secret: env().NEXTAUTH_SECRET, baseUrl: publicUrl() });
  const lanes: Lanes<"inbound" | "outbound"> = createLanes({
    inbound: async () => {
      const inbound = await drainJobs(db(), inboundHandlers, { batchSize: BATCH });
      const fannedOut = await fanOutEvents(db());
      // SLA timers before the mail they may queue; then waiting conversations to agents with room.
      await drainJobs(db(), sla);
      await assignWaiting(db());
      // What this lane queued for the outbound one: webhook deliveries, escalation mail.
      lanes.wakeLane("outbound");
      // A full batch means more may be waiting.
      return fannedOut > 0 || inbound.processed + inbound.retried + inbound.failed >= BATCH;
    },
    outbound: async () => {
      await forgetExpiredIdempotencyKeys(db());
      await drainJobs(db(), webhookHandlers);
      await drainJobs(db(), mail);
      await drainOutbox(db(), { transports });
      return false;
    },
  });
  return lanes;
}

export function startWorker(pollMs: number): void {
  if (state.timer) return;
  state.timer = setInterval(wakeWorker, pollMs);
  state.timer.unref();
  log.info("outbox worker started", { pollMs });
}

/** Drains now (or right after the drain in progress). A no-op when the worker is not started. */
export function wakeWorker(): void {
  if (!state.timer) return;
  state.lanes ??= workerLanes();
  state.lanes.wake();
}
