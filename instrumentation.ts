// Next.js calls register() once per server process: guard every request (its
// socket address recorded, broken URLs answered), start the outbox worker (with
// IMAP mailbox sync) and, when configured, the SMTP receiver there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const e = env();
  const { guardRequests } = await import("./lib/runtime/request-guard");
  guardRequests({ https: e.NEXTAUTH_URL.startsWith("https:") });
  // A TRUSTED_PROXIES the app cannot read stops it here, not at the first request.
  const { trustedProxies } = await import("./lib/gateway/client-address");
  trustedProxies();
  if (e.OUTBOX_WORKER !== "off") {
    const { startWorker } = await import("./lib/runtime/worker-loop");
    startWorker(e.OUTBOX_POLL_MS);
    const { startMailboxSync } = await import("./lib/runtime/mailbox-supervisor");
    await startMailboxSync();
  }
  if (e.SMTP_INBOUND_PORT) {
    const { startMailReceiver } = await import("./lib/runtime/mail-receiver");
    await startMailReceiver(e.SMTP_INBOUND_PORT, e.SMTP_INBOUND_HOST);
  }
}
