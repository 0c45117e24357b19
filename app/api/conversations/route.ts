import { listInbox, ZInboxQuery } from "@/lib/conversations/queries";
import { route } from "@/lib/gateway/route";

export const GET = route(
  { policy: "agent", summary: "The inbox: conversations, newest activity first", query: ZInboxQuery },
  ({ db, caller, query }) => listInbox(db, caller, query),
);
