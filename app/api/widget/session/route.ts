import { env } from "@/lib/env";
import { route } from "@/lib/gateway/route";
import { startChatSession, ZChatSession } from "@/lib/channels/chat/visitor-chat";

export const POST = route(
  {
    policy: "public",
    summary: "Chat widget: start or resume a visitor session on a site (returns the visitor token)",
    body: ZChatSession,
  },
  async ({ db, body }) => startChatSession(db, body, env().NEXTAUTH_SECRET),
);
