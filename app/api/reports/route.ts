import { route } from "@/lib/gateway/route";
import { reportOverview, ZReportQuery } from "@/lib/reports/queries";

export const GET = route({ policy: "agent", query: ZReportQuery }, ({ db, query }) => reportOverview(db, query));
