import { z } from "zod";
import { renderCannedReply } from "@/lib/conversations/canned-replies";
import { ZConversationParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";

export const GET = route(
  {
    policy: "agent",
    summary: "A canned reply filled in for this conversation (and the variables that had no value)",
    params: ZConversationParams.extend({ replyId: z.string().min(1).max(64) }),
  },
  ({ db, caller, params }) => renderCannedReply(db, params.replyId, params.id, caller),
);
