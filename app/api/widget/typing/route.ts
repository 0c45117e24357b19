import { z } from "zod";
import { visitorCustomerId } from "@/lib/channels/chat/visitor-chat";
import { route } from "@/lib/gateway/route";
import { customerTyping } from "@/lib/realtime/activity";

export const POST = route(
  {
    policy: "visitor",
    summary: "Chat widget: the visitor is typing (or stopped)",
    body: z.strictObject({ typing: z.boolean() }),
  },
  async ({ db, caller, body }) => {
    const customerId = await visitorCustomerId(db, caller);
    if (customerId) await customerTyping(db, customerId, body.typing);
    return { ok: true };
  },
);
