import { createCannedReply, listCannedReplies, ZCannedReplyInput } from "@/lib/conversations/canned-replies";
import { json, route } from "@/lib/gateway/route";

const summary = "Canned replies: mine and the shared ones; add one";

export const GET = route({ policy: "agent", summary }, ({ db, caller }) => listCannedReplies(db, caller.id));

export const POST = route({ policy: "agent", summary, body: ZCannedReplyInput }, async ({ db, caller, body }) =>
  json(await createCannedReply(db, caller.id, body), 201),
);
