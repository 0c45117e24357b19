import { reply, ZReply } from "@/lib/conversations/reply";
import { ZConversationParams } from "@/lib/gateway/params";
import { json, route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";

export const POST = route(
  { policy: "agent", summary: "Reply or add an internal note", params: ZConversationParams, body: ZReply },
  async ({ db, caller, params, body }) => {
    const result = await reply(db, params.id, caller.id, body);
    if (!result.internal) wakeWorker();
    return json(result, 201);
  },
);
