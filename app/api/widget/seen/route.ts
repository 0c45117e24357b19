import { z } from "zod";
import { markSeenByVisitor } from "@/lib/channels/chat/seen-receipts";
import { route } from "@/lib/gateway/route";

/** The widget showed the helpdesk's messages up to this one. */
export const POST = route(
  {
    policy: "visitor",
    summary: "The widget showed the helpdesk's messages up to one",
    body: z.strictObject({ upTo: z.string().min(1).max(64) }),
  },
  async ({ db, caller, body }) => {
    await markSeenByVisitor(db, caller, body.upTo);
    return { ok: true };
  },
);
