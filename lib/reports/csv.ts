// Every report table as CSV. Cells a spreadsheet would run as a formula are
// quoted with a leading apostrophe (CSV injection).
import type { Figures, ReportOverview, ReportTable } from "./queries";

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return "";
  let s = typeof v === "number" ? String(Math.round(v * 1000) / 1000) : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const toCsv = (header: string[], rows: Cell[][]) =>
  [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";

const FIGURE_COLUMNS: Array<[string, (f: Figures) => Cell]> = [
  ["created", (f) => f.created],
  ["resolved", (f) => f.resolved],
  ["first_responses", (f) => f.firstResponses],
  ["first_response_median_s", (f) => f.firstResponseMedian],
  ["first_response_p90_s", (f) => f.firstResponseP90],
  ["resolution_median_s", (f) => f.resolutionMedian],
  ["resolution_p90_s", (f) => f.resolutionP90],
  ["sla_met", (f) => f.slaMet],
  ["sla_breached", (f) => f.slaBreached],
  ["sla_attainment", (f) => f.slaAttainment],
  ["csat_answers", (f) => f.csatAnswers],
  ["csat_average", (f) => f.csatAverage],
  ["csat_positive_share", (f) => f.csatPositiveShare],
];

export function reportCsv(r: ReportOverview, table: ReportTable): string {
  const figures = (f: Figures) => FIGURE_COLUMNS.map(([, get]) => get(f));
  const names = FIGURE_COLUMNS.map(([n]) => n);
  switch (table) {
    case "daily": {
      const channels = [...new Set(r.daily.flatMap((d) => Object.keys(d.byChannel)))].sort();
      return toCsv(
        ["day", "created", "resolved", "backlog", ...channels.map((c) => `created_${c}`)],
        r.daily.map((d) => [d.day, d.created, d.resolved, d.backlog, ...channels.map((c) => d.byChannel[c] ?? 0)]),
      );
    }
    case "channels":
      return toCsv(
        ["channel", ...names],
        r.channels.map((c) => [c.channel, ...figures(c)]),
      );
    case "agents":
      return toCsv(
        ["agent_id", "agent", ...names],
        r.agents.map((a) => [a.agentId, a.name, ...figures(a)]),
      );
    case "teams":
      return toCsv(
        ["team_id", "team", ...names],
        r.teams.map((t) => [t.teamId, t.name, ...figures(t)]),
      );
  }
}
