// Reports read the day counters (ReportDaily, ReportDuration), never the
// conversations themselves — a year of a million conversations is a few
// thousand rows — except "backlog now", one indexed count.
import { z } from "zod";
import type { Db } from "../db/client";
import { env } from "../env";
import { badRequest } from "../errors";
import { OPEN_STATUSES, ZChannel } from "../shared/vocabulary";
import { addDays } from "../time/business-hours";
import { COUNTERS, type Counter, type Dimension, monthKey, reportDay, scopeOf } from "./counters";
import { percentile } from "./histogram";

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

const ZReportFilters = z.strictObject({
  /** first and last day (calendar days in REPORT_TIMEZONE), inclusive; the last 30 days by default */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  channel: ZChannel.optional(),
  team: z.string().min(1).max(64).optional(),
  agent: z.string().min(1).max(64).optional(),
});

function withDefaultRange<T extends { from?: string; to?: string }>(q: T) {
  const to = q.to ?? reportDay(new Date());
  const from = q.from ?? addDays(to, -29);
  return { ...q, from, to };
}

export const ZReportQuery = ZReportFilters.transform(withDefaultRange);
/** The same filters plus the table to export. */
/** The tables a report has, each exportable as CSV. */
export const REPORT_TABLES = ["daily", "channels", "agents", "teams"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export const ZReportExportQuery = ZReportFilters.extend({ table: z.enum(REPORT_TABLES) }).transform(withDefaultRange);
export type ReportQuery = z.output<typeof ZReportQuery>;

type Sums = Record<Counter, number>;
const zero = (): Sums => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Sums;
const sumsOf = (s: Partial<Record<Counter, number | null>>): Sums =>
  Object.fromEntries(COUNTERS.map((c) => [c, s[c] ?? 0])) as Sums;
const add = (a: Sums, b: Sums) => COUNTERS.forEach((c) => (a[c] += b[c]));
const SUM = Object.fromEntries(COUNTERS.map((c) => [c, true])) as Record<Counter, true>;

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The calendar months wholly inside [from, to] (YYYY-MM) and the day ranges left at either end. */
export function splitRange(from: string, to: string): { months: string[]; edges: Array<[string, string]> } {
  const months: string[] = [];
  const lastDay = (month: string) => {
    const d = new Date(`${month}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1, 0);
    return d.toISOString().slice(0, 10);
  };
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) {
    if (`${m}-01` >= from && lastDay(m) <= to) months.push(m);
  }
  if (!months.length) return { months, edges: [[from, to]] };
  const edges: Array<[string, string]> = [];
  if (from < `${months[0]}-01`) edges.push([from, lastDay(previousMonth(months[0]!))]);
  if (to > lastDay(months.at(-1)!)) edges.push([`${nextMonth(months.at(-1)!)}-01`, to]);
  return { months, edges };
}
const shiftMonth = (month: string, by: number) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
};
const nextMonth = (m: string) => shiftMonth(m, 1);
const previousMonth = (m: string) => shiftMonth(m, -1);

/** Derived figures of a set of counters and its duration histograms. */
function figures(s: Sums, frt?: Map<number, number>, res?: Map<number, number>) {
  const judged = s.slaMet + s.slaBreached;
  return {
    ...s,
    slaAttainment: judged ? s.slaMet / judged : null,
    csatAverage: s.csatAnswers ? s.csatSum / s.csatAnswers : null,
    csatPositiveShare: s.csatAnswers ? s.csatPositive / s.csatAnswers : null,
    firstResponseMedian: frt ? percentile(frt, 0.5) : null,
    firstResponseP90: frt ? percentile(frt, 0.9) : null,
    resolutionMedian: res ? percentile(res, 0.5) : null,
    resolutionP90: res ? percentile(res, 0.9) : null,
  };
}
export type Figures = ReturnType<typeof figures>;

export async function reportOverview(db: Db, q: ReportQuery) {
  const span = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
  if (!(span >= 1 && span <= MAX_DAYS)) {
    throw badRequest("invalid_range", `Pick a range of 1 to ${MAX_DAYS} days, "from" before "to"`);
  }
  // Every read picks the scope that keeps exactly the filtered dimensions plus the one it breaks down by.
  const filtered: Dimension[] = [
    ...(q.channel ? (["channel"] as const) : []),
    ...(q.team ? (["team"] as const) : []),
    ...(q.agent ? (["agent"] as const) : []),
  ];
  // Whole months in the range are read from month rows, the days at either end from day rows — as one list
  // of keys, so with the dimensions spelled out (a dimension outside the scope is "") every read is a set of
  // point lookups on the primary key rather than a range scan.
  const { months, edges } = splitRange(q.from, q.to);
  const wholeRange = { day: { in: [...months.map(monthKey), ...edges.flatMap(([a, b]) => days(a, b))] } };
  const where = (by?: Dimension, period: object = wholeRange) => {
    const kept = new Set([...filtered, ...(by ? [by] : [])]);
    const value = (d: Dimension, filter: string | undefined) => (kept.has(d) ? (filter ? filter : undefined) : "");
    const [channel, teamId, agentId] = [value("channel", q.channel), value("team", q.team), value("agent", q.agent)];
    return {
      scope: scopeOf(kept),
      ...period,
      ...(channel !== undefined ? { channel } : {}),
      ...(teamId !== undefined ? { teamId } : {}),
      ...(agentId !== undefined ? { agentId } : {}),
    };
  };
  const histogram = <K extends "channel" | "teamId" | "agentId">(by: Dimension | undefined, key: K | undefined) =>
    db.reportDuration.groupBy({
      by: [...(key ? [key] : []), "metric", "bucket"] as Array<"channel" | "teamId" | "agentId" | "metric" | "bucket">,
      where: where(by),
      _sum: { count: true },
    });
  const today = reportDay(new Date());
  const [byDayChannel, byAgent, byTeam, histAll, histChannel, histAgent, histTeam, later, backlogNow, users, teams] =
    await Promise.all([
      // The daily series needs every day.
      db.reportDaily.groupBy({
        by: ["day", "channel"],
        where: where("channel", { day: { gte: q.from, lte: q.to } }),
        _sum: SUM,
      }),
      db.reportDaily.groupBy({ by: ["agentId"], where: where("agent"), _sum: SUM }),
      db.reportDaily.groupBy({ by: ["teamId"], where: where("team"), _sum: SUM }),
      histogram(undefined, undefined),
      histogram("channel", "channel"),
      histogram("agent", "agentId"),
      histogram("team", "teamId"),
      // What happened after the range, to walk the backlog back from today.
      q.to < today
        ? db.reportDaily.aggregate({
            where: where(undefined, { gt: q.to, lte: today }),
            _sum: { created: true, resolved: true },
          })
        : null,
      db.conversation.count({
        where: {
          status: { in: OPEN_STATUSES },
          ...(q.channel ? { channel: q.channel } : {}),
          ...(q.team ? { teamId: q.team } : {}),
          ...(q.agent ? { assigneeId: q.agent } : {}),
        },
      }),
      db.user.findMany({ where: { role: { in: ["agent", "admin"] } }, select: { id: true, name: true } }),
      db.team.findMany({ select: { id: true, name: true } }),
    ]);

  type HistRow = {
    channel?: string;
    teamId?: string;
    agentId?: string;
    metric: string;
    bucket: number;
    _sum: { count: number | null };
  };
  const hist = (rows: HistRow[], pick: (d: HistRow) => string, metric: string) => {
    const out = new Map<string, Map<number, number>>();
    for (const d of rows) {
      if (d.metric !== metric) continue;
      const k = pick(d);
      const m = out.get(k) ?? new Map<number, number>();
      m.set(d.bucket, (m.get(d.bucket) ?? 0) + (d._sum.count ?? 0));
      out.set(k, m);
    }
    return out;
  };
  const both = (rows: HistRow[], pick: (d: HistRow) => string) => ({
    frt: hist(rows, pick, "first_response"),
    res: hist(rows, pick, "resolution"),
  });
  const all = both(histAll as HistRow[], () => "");
  const perChannel = both(histChannel as HistRow[], (d) => d.channel ?? "");
  const perAgent = both(histAgent as HistRow[], (d) => d.agentId ?? "");
  const perTeam = both(histTeam as HistRow[], (d) => d.teamId ?? "");

  const totals = zero();
  const channels = new Map<string, Sums>();
  const perDay = new Map<string, { sums: Sums; byChannel: Record<string, number> }>();
  for (const r of byDayChannel) {
    const s = sumsOf(r._sum);
    add(totals, s);
    const c = channels.get(r.channel) ?? zero();
    add(c, s);
    channels.set(r.channel, c);
    const d = perDay.get(r.day) ?? { sums: zero(), byChannel: {} };
    add(d.sums, s);
    d.byChannel[r.channel] = (d.byChannel[r.channel] ?? 0) + s.created;
    perDay.set(r.day, d);
  }

  // Backlog at the end of each day: today's, less what was opened and plus what was solved since.
  // Openings have no agent, so with an agent filter there is no series.
  let backlog = backlogNow - ((later?._sum.created ?? 0) - (later?._sum.resolved ?? 0));
  const series = days(q.from, q.to)
    .reverse()
    .map((day) => {
      const d = perDay.get(day);
      const row = {
        day,
        created: d?.sums.created ?? 0,
        resolved: d?.sums.resolved ?? 0,
        backlog: q.agent ? null : Math.max(0, backlog),
        byChannel: d?.byChannel ?? {},
      };
      backlog -= row.created - row.resolved;
      return row;
    })
    .reverse();

  const named = (id: string, list: Array<{ id: string; name: string }>, none: string) =>
    id ? (list.find((x) => x.id === id)?.name ?? "(removed)") : none;

  return {
    range: { from: q.from, to: q.to, timeZone: env().REPORT_TIMEZONE },
    totals: { ...figures(totals, all.frt.get(""), all.res.get("")), backlogNow },
    daily: series,
    channels: [...channels].map(([channel, s]) => ({
      channel,
      ...figures(s, perChannel.frt.get(channel), perChannel.res.get(channel)),
    })),
    agents: byAgent
      .filter((r) => r.agentId)
      .map((r) => ({
        agentId: r.agentId,
        name: named(r.agentId, users, "Nobody"),
        ...figures(sumsOf(r._sum), perAgent.frt.get(r.agentId), perAgent.res.get(r.agentId)),
      }))
      .sort((a, b) => b.resolved - a.resolved || a.name.localeCompare(b.name)),
    teams: byTeam
      .map((r) => ({
        teamId: r.teamId,
        name: named(r.teamId, teams, "No team"),
        ...figures(sumsOf(r._sum), perTeam.frt.get(r.teamId), perTeam.res.get(r.teamId)),
      }))
      .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name)),
  };
}
export type ReportOverview = Awaited<ReturnType<typeof reportOverview>>;
