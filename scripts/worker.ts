// The outbox worker as its own process: run it beside web instances started
// with OUTBOX_WORKER=off, so ingesting and delivering never compete with
// answering requests for one event loop. Any number may run; jobs are claimed
// with conditional updates, so none runs twice at the same time.
import { env } from "../lib/env";
import { log } from "../lib/log";
import { startMailboxSync } from "../lib/runtime/mailbox-supervisor";
import { startWorker, wakeWorker } from "../lib/runtime/worker-loop";

const pollMs = env().OUTBOX_POLL_MS;
startWorker(pollMs);
wakeWorker();
await startMailboxSync();
// startWorker's timer does not hold the process open (inside the web server it must not); here it should.
const keepAlive = setInterval(() => undefined, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    clearInterval(keepAlive);
    log.info("outbox worker stopping", { signal });
    process.exit(0);
  });
}
