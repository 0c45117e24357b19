// The app's SMTP receiver: every accepted message goes through acceptRawEmail
// (stored, queued) before the sender hears 250, then the worker is woken.
import { db } from "../db/client";
import { emailConfig } from "../env";
import { log } from "../log";
import { wakeWorker } from "./worker-loop";
import { blobStore } from "../storage/store";
import { acceptRawEmail } from "../channels/email/accept";
import { createSmtpReceiver } from "../channels/email/smtp-receiver";

export async function startMailReceiver(port: number, host: string): Promise<void> {
  const config = emailConfig();
  const server = createSmtpReceiver({
    mailbox: config.mailbox,
    maxBytes: config.maxBytes,
    onMessage: async (raw, envelope) => {
      await acceptRawEmail(db(), blobStore(), raw, {
        envelopeTo: envelope.to,
        envelopeFrom: envelope.from,
        peer: envelope.peer,
        source: "smtp",
      });
      wakeWorker();
    },
  });
  server.on("error", (err) => log.error("SMTP receiver error", { err }));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  log.info("SMTP receiver listening", {
    host,
    port,
    addresses: config.mailbox.addresses,
    domains: config.mailbox.domains,
  });
}
