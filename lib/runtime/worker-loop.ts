// Runs the outbox worker inside the app process: on a timer, and at once when a
// route stores something to do — inbound payloads to ingest first, then
// partner webhooks and the helpdesk's own mail, then deliveries to customers.
import { db } from "../db/client";
import { configuredMailSender, configuredTransports } from "./configured-transports";
import { env, publicUrl } from "../env";
import { assignWaiting } from "../automation/auto-assign";
import { slaHandlers } from "../automation/sla-clock";
import { systemMailHandlers } from "../system-mail/system-mail";
import type { TransportMap } from "../channels/transports";
import { log } from "../log";
import { drainOutbox } from "../channels/delivery";
import { inboundHandlers } from "./inbound-handlers";
import { drainJobs } from "../jobs/job-runner";
import { webhookHandlers } from "../webhooks/webhook-jobs";
import { fanOutEvents } from "../webhooks/webhooks";

// Kept on globalThis: instrumentation.ts starts the worker, route handlers wake
// it, and Next.js may load this module once for each of them.
interface WorkerState {
  timer?: NodeJS.Timeout;
  transports?: TransportMap;
  mail?: ReturnType<typeof systemMailHandlers>;
  sla?: ReturnType<typeof slaHandlers>;
  running?: Promise<void>;
  again: boolean;
}
const state = ((globalThis as { omnideskWorker?: WorkerState }).omnideskWorker ??= { again: false });

export function startWorker(pollMs: number): void {
  if (state.timer) return;
  state.timer = setInterval(wakeWorker, pollMs);
  state.timer.unref();
  log.info("outbox worker started", { pollMs });
}

/** Drains now (or right after the drain in progress). A no-op when the worker is not started. */
export function wakeWorker(): void {
  if (!state.timer) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.transports ??= configuredTransports(db());
  const transports = state.transports;
  state.mail ??= systemMailHandlers(configuredMailSender(), env().NEXTAUTH_SECRET);
  const mail = state.mail;
  state.sla ??= slaHandlers({ secret: env().NEXTAUTH_SECRET, baseUrl: publicUrl() });
  const sla = state.sla;
  state.running = (async () => {
    const inbound = await drainJobs(db(), inboundHandlers);
    const fannedOut = await fanOutEvents(db());
    // SLA timers before the mail they may queue; then waiting conversations to agents with room.
    await drainJobs(db(), sla);
    await assignWaiting(db());
    await drainJobs(db(), webhookHandlers);
    await drainJobs(db(), mail);
    await drainOutbox(db(), { transports });
    if (fannedOut) state.again = true;
    // A full batch means more may be waiting.
    if (inbound.processed + inbound.retried + inbound.failed >= 100) state.again = true;
  })()
    .catch((err) => log.error("outbox worker drain failed", { err }))
    .finally(() => {
      state.running = undefined;
      if (state.again) {
        state.again = false;
        wakeWorker();
      }
    });
}
