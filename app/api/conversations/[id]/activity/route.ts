import { ZConversationParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";
import { agentActivity, ZAgentActivity } from "@/lib/realtime/activity";

export const POST = route(
  { policy: "agent", params: ZConversationParams, body: ZAgentActivity },
  async ({ db, caller, params, body }) => {
    await agentActivity(db, params.id, caller, body);
    return { ok: true };
  },
);
