// IMAP mailboxes as admins manage them. Passwords go in sealed and never come out.
import { z } from "zod";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import { seal } from "../../crypto/secret-box";

export const ZCreateMailbox = z.strictObject({
  name: z.string().trim().min(1, "Name the mailbox").max(100),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9.-]+$/i, "A host name like imap.example.com"),
  port: z.number().int().min(1).max(65_535).default(993),
  secure: z.boolean().default(true),
  username: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  folder: z.string().trim().min(1).max(200).default("INBOX"),
});
export type TCreateMailbox = z.input<typeof ZCreateMailbox>;

export const ZUpdateMailbox = z.strictObject({ enabled: z.boolean() });

const viewSelect = {
  id: true,
  name: true,
  host: true,
  port: true,
  secure: true,
  username: true,
  folder: true,
  enabled: true,
  lastUid: true,
  lastSyncAt: true,
  lastError: true,
  lastErrorAt: true,
  createdAt: true,
} as const;

export function listMailboxes(db: Db) {
  return db.mailbox.findMany({ orderBy: { createdAt: "asc" }, select: viewSelect });
}
export type MailboxView = Awaited<ReturnType<typeof listMailboxes>>[number];

export async function createMailbox(db: Db, input: TCreateMailbox, actorUserId: string, secret: string) {
  const { password, ...rest } = ZCreateMailbox.parse(input);
  return db.$transaction(async (tx) => {
    const created = await tx.mailbox.create({
      data: { ...rest, passwordEnc: seal(password, secret) },
      select: viewSelect,
    });
    await recordEvent(tx, {
      action: "settings.mailbox_added",
      actorUserId,
      data: { mailboxId: created.id, host: created.host, username: created.username },
    });
    return created;
  });
}

export async function setMailboxEnabled(db: Db, id: string, enabled: boolean, actorUserId: string) {
  const found = await db.mailbox.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound("Mailbox");
  return db.$transaction(async (tx) => {
    const updated = await tx.mailbox.update({ where: { id }, data: { enabled }, select: viewSelect });
    await recordEvent(tx, { action: "settings.mailbox_changed", actorUserId, data: { mailboxId: id, enabled } });
    return updated;
  });
}

export async function deleteMailbox(db: Db, id: string, actorUserId: string) {
  const found = await db.mailbox.findUnique({ where: { id }, select: { id: true, host: true } });
  if (!found) throw notFound("Mailbox");
  await db.$transaction(async (tx) => {
    await tx.mailbox.delete({ where: { id } });
    await recordEvent(tx, {
      action: "settings.mailbox_removed",
      actorUserId,
      data: { mailboxId: id, host: found.host },
    });
  });
}
