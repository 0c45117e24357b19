import { json, route } from "@/lib/gateway/route";
import { postVisitorMessage, visitorTimeline, ZChatMessage } from "@/lib/channels/chat/visitor-chat";

export const GET = route({ policy: "visitor" }, async ({ db, caller }) => visitorTimeline(db, caller));

export const POST = route({ policy: "visitor", body: ZChatMessage }, async ({ db, caller, body }) =>
  json(await postVisitorMessage(db, caller, body), 201),
);
