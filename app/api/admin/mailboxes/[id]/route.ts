import { z } from "zod";
import { deleteMailbox, setMailboxEnabled, ZUpdateMailbox } from "@/lib/channels/email/mailboxes";
import { route } from "@/lib/gateway/route";

const ZParams = z.strictObject({ id: z.string().min(1).max(64) });

export const PATCH = route(
  { policy: "admin", summary: "Pause, resume or remove a mailbox", params: ZParams, body: ZUpdateMailbox },
  ({ db, caller, params, body }) => setMailboxEnabled(db, params.id, body.enabled, caller.id),
);

export const DELETE = route(
  { policy: "admin", summary: "Pause, resume or remove a mailbox", params: ZParams },
  async ({ db, caller, params }) => {
    await deleteMailbox(db, params.id, caller.id);
    return { ok: true };
  },
);
