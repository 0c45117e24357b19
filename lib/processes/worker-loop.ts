// Runs the delivery worker inside the app process: on a timer, and at once
// when a route stores something to deliver.
import { db } from "../db/client";
import { configuredTransports } from "../channels/configured-transports";
import type { TransportMap } from "../channels/transports";
import { log } from "../log";
import { drainOutbox } from "./delivery-worker";

let timer: NodeJS.Timeout | undefined;
let transports: TransportMap | undefined;
let running: Promise<void> | undefined;
let again = false;

export function startDeliveryWorker(pollMs: number): void {
  if (timer) return;
  timer = setInterval(wakeDeliveryWorker, pollMs);
  timer.unref();
  log.info("delivery worker started", { pollMs });
}

export function stopDeliveryWorker(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}

/** Drains now (or right after the drain in progress). A no-op when the worker is not started. */
export function wakeDeliveryWorker(): void {
  if (!timer) return;
  if (running) {
    again = true;
    return;
  }
  transports ??= configuredTransports(db());
  running = drainOutbox(db(), { transports })
    .then(() => undefined)
    .catch((err) => log.error("delivery worker drain failed", { err }))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        wakeDeliveryWorker();
      }
    });
}
