"use client";
// The report charts (recharts, SVG): openings per day by channel, and the
// backlog against solved conversations per day.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHANNEL_LABELS } from "../shared/format";
import type { ReportData } from "./use-reports";

const CHANNEL_COLORS: Record<string, string> = {
  portal: "#5b6ee1",
  chat: "#1e9e8a",
  email: "#e08a1e",
  sms: "#c2447a",
  voice: "#6b7785",
  api: "#8a63d2",
};

const shortDay = (day: string) => day.slice(5);

export function CreatedByChannelChart({ data }: { data: ReportData }) {
  const channels = [...new Set(data.daily.flatMap((d) => Object.keys(d.byChannel)))].sort();
  const rows = data.daily.map((d) => ({ day: shortDay(d.day), ...d.byChannel }));
  return (
    <figure className="chart" data-testid="chart-created">
      <figcaption>New conversations per day, by channel</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          {channels.map((c) => (
            <Bar key={c} dataKey={c} name={CHANNEL_LABELS[c] ?? c} stackId="c" fill={CHANNEL_COLORS[c] ?? "#999"} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function BacklogChart({ data }: { data: ReportData }) {
  const rows = data.daily.map((d) => ({ day: shortDay(d.day), solved: d.resolved, backlog: d.backlog }));
  return (
    <figure className="chart" data-testid="chart-backlog">
      <figcaption>Solved per day and open backlog at the end of each day</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="solved" name="Solved" fill="#1e6b34" />
          <Line dataKey="backlog" name="Backlog" stroke="#b3261e" dot={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
