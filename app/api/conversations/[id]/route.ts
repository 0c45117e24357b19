import { getConversationForAgent } from "@/lib/conversations/queries";
import { updateConversation, ZConversationPatch } from "@/lib/conversations/update-conversation";
import { ZConversationParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";

export const GET = route(
  { policy: "agent", summary: "One conversation; assign, status, priority", params: ZConversationParams },
  ({ db, params }) => getConversationForAgent(db, params.id),
);

export const PATCH = route(
  {
    policy: "agent",
    summary: "One conversation; assign, status, priority",
    params: ZConversationParams,
    body: ZConversationPatch,
  },
  async ({ db, caller, params, body }) => {
    await updateConversation(db, params.id, caller.id, body);
    return getConversationForAgent(db, params.id);
  },
);
