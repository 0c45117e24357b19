import { listAuditEvents, ZAuditQuery } from "@/lib/audit/queries";
import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "admin", query: ZAuditQuery }, ({ db, query }) => listAuditEvents(db, query));
