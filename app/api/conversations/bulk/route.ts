import { applyBulk, ZBulkAction } from "@/lib/conversations/bulk";
import { route } from "@/lib/gateway/route";

export const POST = route(
  {
    policy: "agent",
    summary: "Change many conversations at once (assign, team, status, priority, tags, merge); says which failed",
    body: ZBulkAction,
  },
  ({ db, caller, body }) => applyBulk(db, caller.id, body),
);
