import { json, route } from "@/lib/gateway/route";
import { postVisitorMessage, visitorTimeline, ZChatMessage } from "@/lib/channels/chat/visitor-chat";

export const GET = route(
  { policy: "visitor", summary: "Chat widget: my conversation; send a message" },
  async ({ db, caller }) => visitorTimeline(db, caller),
);

export const POST = route(
  { policy: "visitor", summary: "Chat widget: my conversation; send a message", body: ZChatMessage },
  async ({ db, caller, body }) => json(await postVisitorMessage(db, caller, body), 201),
);
