import { z } from "zod";
import { ingest } from "@/lib/conversations/ingest";
import { ZConversationParams } from "@/lib/gateway/params";
import { json, route } from "@/lib/gateway/route";

const ZPortalMessage = z.strictObject({ body: z.string().trim().min(1, "Write a message first").max(50_000) });

export const POST = route(
  {
    policy: "customer",
    summary: "Reply in one of my conversations",
    params: ZConversationParams,
    body: ZPortalMessage,
  },
  async ({ db, caller, params, body }) => {
    const r = await ingest(db, {
      channel: "portal",
      from: { customerId: caller.customerId! },
      conversationId: params.id,
      body: body.body,
    });
    return json({ id: r.messageId }, 201);
  },
);
