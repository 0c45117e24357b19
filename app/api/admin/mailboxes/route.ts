import { createMailbox, listMailboxes, ZCreateMailbox } from "@/lib/channels/email/mailboxes";
import { emailConfig } from "@/lib/env";
import { json, route } from "@/lib/gateway/route";

export const GET = route(
  { policy: "admin", summary: "IMAP mailboxes with their sync health; add one" },
  async ({ db }) => ({ mailboxes: await listMailboxes(db) }),
);

export const POST = route(
  { policy: "admin", summary: "IMAP mailboxes with their sync health; add one", body: ZCreateMailbox },
  async ({ db, caller, body }) => json(await createMailbox(db, body, caller.id, emailConfig().replySecret), 201),
);
