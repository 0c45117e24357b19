import { reply, ZReply } from "@/lib/conversations/reply";
import { ZConversationParams } from "@/lib/gateway/params";
import { json, route } from "@/lib/gateway/route";
import { wakeDeliveryWorker } from "@/lib/processes/worker-loop";

export const POST = route(
  { policy: "agent", params: ZConversationParams, body: ZReply },
  async ({ db, caller, params, body }) => {
    const result = await reply(db, params.id, caller.id, body);
    if (!result.internal) wakeDeliveryWorker();
    return json(result, 201);
  },
);
