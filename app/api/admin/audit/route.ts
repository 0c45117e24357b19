import { listAuditEvents, ZAuditQuery } from "@/lib/audit/queries";
import { route } from "@/lib/gateway/route";

export const GET = route(
  { policy: "admin", summary: "The audit log: security and admin events, filtered", query: ZAuditQuery },
  ({ db, query }) => listAuditEvents(db, query),
);
