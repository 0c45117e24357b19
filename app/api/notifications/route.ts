import { route } from "@/lib/gateway/route";
import { listNotifications } from "@/lib/users/notifications";

export const GET = route(
  {
    policy: "agent",
    summary: "My notifications (assigned to me, mentions, customers' answers) and how many are unread",
  },
  ({ db, caller }) => listNotifications(db, caller.id),
);
