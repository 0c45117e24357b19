// Mail the helpdesk sends on its own behalf — password resets and sign-in
// links — rather than as a message in a conversation. It goes through the
// outbox like everything else (retried, never lost), with the body sealed:
// the links in it are credentials until they expire.
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import { open, seal } from "../crypto/secret-box";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import type { JobHandler } from "../jobs/job-runner";
import { smtpClient } from "./smtp";

export interface SystemMail {
  to: string;
  subject: string;
  text: string;
}

const ZSystemMail = z.object({ to: z.email(), subject: z.string(), text: z.string() });
const ZMailJob = z.object({ sealed: z.string() });

export async function enqueueSystemMail(tx: Tx, mail: SystemMail, secret: string): Promise<void> {
  await tx.outboxJob.create({
    data: { kind: "mail", payload: JSON.stringify({ sealed: seal(JSON.stringify(mail), secret) }) },
  });
}

export interface MailSender {
  send(mail: SystemMail): Promise<void>;
}

export interface SenderOptions {
  fromAddress: string;
  fromName: string;
  /** smtp:// or smtps:// URL; without it, mail is written as .eml files to `pickupDir` */
  smtpUrl?: string;
  pickupDir: string;
}

/** SMTP when configured; otherwise a pickup directory of .eml files, so a demo without SMTP still gets its links. */
export function mailSender(opts: SenderOptions): MailSender {
  const from = { name: opts.fromName, address: opts.fromAddress };
  if (opts.smtpUrl) {
    const smtp = smtpClient(opts.smtpUrl);
    return {
      async send(mail) {
        try {
          await smtp.sendMail({ from, ...mail });
        } catch (err) {
          const code = (err as { responseCode?: number }).responseCode;
          // A 5xx will not change on retry: fail the job (kept, with the reason) instead of retrying for hours.
          if (code && code >= 500) throw new AppError(422, "mail_rejected", `SMTP ${code}: ${(err as Error).message}`);
          throw err;
        }
      },
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await stream.sendMail({ from, ...mail });
      await mkdir(opts.pickupDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^\w.-]/g, "")}.eml`;
      await writeFile(path.join(opts.pickupDir, name), info.message as Buffer, { mode: 0o600 });
    },
  };
}

export function systemMailHandlers(sender: MailSender, secret: string): Record<"mail", JobHandler> {
  return {
    mail: async (_db, payload) => {
      const mail = ZSystemMail.parse(JSON.parse(open(ZMailJob.parse(payload).sealed, secret)));
      await sender.send(mail);
    },
  };
}
