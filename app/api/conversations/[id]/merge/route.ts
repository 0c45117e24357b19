import { route } from "@/lib/gateway/route";
import { ZConversationParams } from "@/lib/gateway/params";
import { mergeConversations, ZConversationMerge } from "@/lib/conversations/merge";

/** Moves this conversation's messages into another of the same customer's, and closes this one. */
export const POST = route(
  {
    policy: "agent",
    summary: "Merge this conversation into another of the same customer's",
    params: ZConversationParams,
    body: ZConversationMerge,
  },
  ({ db, caller, params, body }) => mergeConversations(db, params.id, body.intoConversationId, caller.id),
);
