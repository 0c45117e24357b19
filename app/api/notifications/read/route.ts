import { route } from "@/lib/gateway/route";
import { markRead, ZMarkRead } from "@/lib/users/notifications";

export const POST = route(
  { policy: "agent", summary: "Mark some (ids) or all of my notifications read", body: ZMarkRead },
  ({ db, caller, body }) => markRead(db, caller.id, body),
);
