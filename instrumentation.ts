// Next.js calls register() once per server process: start the outbox worker there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const e = env();
  if (e.OUTBOX_WORKER === "off") return;
  const { startWorker } = await import("./lib/processes/worker-loop");
  startWorker(e.OUTBOX_POLL_MS);
}
