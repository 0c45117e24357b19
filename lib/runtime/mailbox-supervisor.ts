// Starts IMAP syncing in a process that runs the outbox worker (the web
// process by default, or `npm run worker`).
import { db } from "../db/client";
import { emailConfig } from "../env";
import { log } from "../log";
import { wakeWorker } from "./worker-loop";
import { blobStore } from "../storage/store";
import { MailboxSupervisor } from "../channels/email/imap-sync";

export async function startMailboxSync(): Promise<void> {
  const supervisor = new MailboxSupervisor(db(), blobStore(), {
    secret: emailConfig().replySecret,
    onQueued: wakeWorker,
  });
  await supervisor.start();
  log.info("IMAP mailbox sync started");
}
