// Runs the delivery worker inside the app process: on a timer, and at once
// when a route stores something to deliver.
import { db } from "../db/client";
import { configuredTransports } from "../channels/configured-transports";
import type { TransportMap } from "../channels/transports";
import { log } from "../log";
import { drainOutbox } from "./delivery-worker";

// Kept on globalThis: instrumentation.ts starts the worker, route handlers wake
// it, and Next.js may load this module once for each of them.
interface WorkerState {
  timer?: NodeJS.Timeout;
  transports?: TransportMap;
  running?: Promise<void>;
  again: boolean;
}
const state = ((globalThis as { omnideskDeliveryWorker?: WorkerState }).omnideskDeliveryWorker ??= { again: false });

export function startDeliveryWorker(pollMs: number): void {
  if (state.timer) return;
  state.timer = setInterval(wakeDeliveryWorker, pollMs);
  state.timer.unref();
  log.info("delivery worker started", { pollMs });
}

/** Drains now (or right after the drain in progress). A no-op when the worker is not started. */
export function wakeDeliveryWorker(): void {
  if (!state.timer) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.transports ??= configuredTransports(db());
  state.running = drainOutbox(db(), { transports: state.transports })
    .then(() => undefined)
    .catch((err) => log.error("delivery worker drain failed", { err }))
    .finally(() => {
      state.running = undefined;
      if (state.again) {
        state.again = false;
        wakeDeliveryWorker();
      }
    });
}
