"use client";
// The reports area: a date range and filters in the URL, headline figures,
// charts, and tables per channel, agent and team — each downloadable as CSV.
import { useRouter, useSearchParams } from "next/navigation";
import { CHANNEL_LABELS } from "../shared/format";
import { useAgents } from "../inbox/use-agents";
import { ErrorState, Loading } from "../shared/states";
import { BacklogChart, CreatedByChannelChart } from "./charts";
import type { Figures as ReportFigures } from "@/lib/reports/queries";
import type { Json } from "../shared/api-client";
import { ChannelOptions } from "../shared/channel-options";
import { searchString } from "../shared/search-string";
import { type ReportData, type ReportFilters, useReports } from "./use-reports";
import { NamedOptions } from "../shared/named-options";

type Figures = Json<ReportFigures>;

/** Seconds as people say them. */
export function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}
const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const csat = (f: Pick<Figures, "csatAverage" | "csatAnswers">) =>
  f.csatAverage === null ? "—" : `${f.csatAverage.toFixed(1)} / 5 (${f.csatAnswers})`;

export function Reports() {
  const params = useSearchParams();
  const router = useRouter();
  const filters: ReportFilters = Object.fromEntries(
    (["from", "to", "channel", "team", "agent"] as const).map((k) => [k, params.get(k) ?? undefined]),
  );
  const set = (key: keyof ReportFilters, value: string) => {
    const next = searchString({ ...filters, [key]: value || undefined });
    router.replace(`/reports${next ? `?${next}` : ""}`);
  };
  const q = useReports(filters);
  const agents = useAgents();

  return (
    <>
      <div className="filters" role="group" aria-label="Report filters">
        <label>
          From
          <input
            type="date"
            value={filters.from ?? q.data?.range.from ?? ""}
            onChange={(e) => set("from", e.target.value)}
          />
        </label>
        <label>
          To
          <input type="date" value={filters.to ?? q.data?.range.to ?? ""} onChange={(e) => set("to", e.target.value)} />
        </label>
        <label>
          Channel
          <select value={filters.channel ?? ""} onChange={(e) => set("channel", e.target.value)}>
            <option value="">All</option>
            <ChannelOptions />
          </select>
        </label>
        <label>
          Team
          <select value={filters.team ?? ""} onChange={(e) => set("team", e.target.value)}>
            <option value="">All</option>
            <NamedOptions items={agents.data?.teams} />
          </select>
        </label>
        <label>
          Agent
          <select value={filters.agent ?? ""} onChange={(e) => set("agent", e.target.value)}>
            <option value="">All</option>
            <NamedOptions items={agents.data?.agents} />
          </select>
        </label>
      </div>
      {q.isPending ? (
        <Loading label="Loading reports…" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ReportBody data={q.data} filters={filters} />
      )}
    </>
  );
}

function ReportBody({ data, filters }: { data: ReportData; filters: ReportFilters }) {
  const t = data.totals;
  const { from, to } = data.range;
  const csv = (table: string) => `/api/reports/export?${searchString({ ...filters, from, to })}&table=${table}`;
  return (
    <>
      <dl className="kpis" aria-label="Totals">
        <Kpi label="New conversations" value={String(t.created)} />
        <Kpi label="Solved" value={String(t.resolved)} />
        <Kpi label="Open now (backlog)" value={String(t.backlogNow)} />
        <Kpi
          label="First response (median / p90)"
          value={`${duration(t.firstResponseMedian)} / ${duration(t.firstResponseP90)}`}
        />
        <Kpi
          label="Resolution (median / p90)"
          value={`${duration(t.resolutionMedian)} / ${duration(t.resolutionP90)}`}
        />
        <Kpi label="SLA attainment" value={`${percent(t.slaAttainment)} (${t.slaMet} met, ${t.slaBreached} missed)`} />
        <Kpi label="CSAT" value={`${csat(t)} · ${percent(t.csatPositiveShare)} positive`} />
      </dl>
      {t.created + t.resolved + t.firstResponses + t.csatAnswers === 0 && (
        <p className="state state-empty">Nothing happened in this range with these filters.</p>
      )}
      <div className="charts">
        <CreatedByChannelChart data={data} />
        <BacklogChart data={data} />
      </div>
      <Table
        title="By channel"
        csv={csv("channels")}
        rows={data.channels.map((c) => ({ key: c.channel, name: CHANNEL_LABELS[c.channel] ?? c.channel, f: c }))}
      />
      <Table
        title="By agent"
        csv={csv("agents")}
        rows={data.agents.map((a) => ({ key: a.agentId, name: a.name, f: a }))}
      />
      <Table title="By team" csv={csv("teams")} rows={data.teams.map((x) => ({ key: x.teamId, name: x.name, f: x }))} />
      <p>
        <a className="btn" href={csv("daily")} download>
          Download the daily figures (CSV)
        </a>
      </p>
      <p className="muted">
        Days are calendar days in {data.range.timeZone}. Medians and p90 are read from duration histograms (within
        ±12%). Per-agent rows count first responses, solved conversations and surveys of the agent&apos;s conversations;
        openings have no agent.
      </p>
    </>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Table({
  title,
  csv,
  rows,
}: {
  title: string;
  csv: string;
  rows: { key: string; name: string; f: Figures }[];
}) {
  return (
    <section className="card">
      <h2>
        {title}{" "}
        <a className="btn-link" href={csv} download>
          CSV
        </a>
      </h2>
      {rows.length === 0 ? (
        <p className="state state-empty">No data.</p>
      ) : (
        <table className="report-table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">New</th>
              <th scope="col">Solved</th>
              <th scope="col">First response median</th>
              <th scope="col">First response p90</th>
              <th scope="col">Resolution median</th>
              <th scope="col">SLA attainment</th>
              <th scope="col">CSAT</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, name, f }) => (
              <tr key={key || "none"}>
                <th scope="row">{name}</th>
                <td>{f.created}</td>
                <td>{f.resolved}</td>
                <td>{duration(f.firstResponseMedian)}</td>
                <td>{duration(f.firstResponseP90)}</td>
                <td>{duration(f.resolutionMedian)}</td>
                <td>{percent(f.slaAttainment)}</td>
                <td>{csat(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
