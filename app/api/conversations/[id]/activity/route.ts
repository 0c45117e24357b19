import { ZConversationParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";
import { agentActivity, ZAgentActivity } from "@/lib/realtime/activity";
import { markSeenByAgent } from "@/lib/channels/chat/seen-receipts";

export const POST = route(
  {
    policy: "agent",
    summary: "I am viewing / typing in this conversation (signals for colleagues and the customer)",
    params: ZConversationParams,
    body: ZAgentActivity,
  },
  async ({ db, caller, params, body }) => {
    await agentActivity(db, params.id, caller, body);
    // An agent with the conversation in view has seen the visitor's chat messages.
    if (body.viewing) await markSeenByAgent(db, params.id);
    return { ok: true };
  },
);
