import { route } from "@/lib/gateway/route";
import { reportOverview, ZReportQuery } from "@/lib/reports/queries";

export const GET = route(
  {
    policy: "agent",
    summary: "Reports for a date range and filters: totals, per day, per channel, agent and team",
    query: ZReportQuery,
  },
  ({ db, query }) => reportOverview(db, query),
);
