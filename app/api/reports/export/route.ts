import { recordEvent } from "@/lib/audit/record-event";
import { route } from "@/lib/gateway/route";
import { reportCsv } from "@/lib/reports/csv";
import { reportOverview, ZReportExportQuery } from "@/lib/reports/queries";

export const GET = route(
  { policy: "agent", summary: "One report table as CSV (audited)", query: ZReportExportQuery },
  async ({ db, caller, query }) => {
    const { table, ...q } = query;
    const csv = reportCsv(await reportOverview(db, q), table);
    // Data leaving the helpdesk is on the audit log.
    await recordEvent(db, { action: "report.exported", actorUserId: caller.id, data: { table, ...q } });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="omnidesk-${table}-${q.from}-to-${q.to}.csv"`,
      },
    });
  },
);
