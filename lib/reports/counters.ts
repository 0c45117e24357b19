// Report counters, bumped in the transaction of the change they count (a
// conversation opened, answered, solved; an SLA target met or missed; a survey
// answered). Each change adds to one row per scope — every subset of
// {channel, team, agent} — in one statement: an insert that adds to rows that exist.
import { type Db, Prisma, type Tx } from "../db/client";
import { env } from "../env";
import { localTime } from "../time/business-hours";
import { bucketOf } from "./histogram";

export interface ReportDims {
  at: Date;
  channel: string;
  teamId?: string | null;
  agentId?: string | null;
}

export const COUNTERS = [
  "created",
  "resolved",
  "firstResponses",
  "slaMet",
  "slaBreached",
  "csatAnswers",
  "csatSum",
  "csatPositive",
] as const;
export type Counter = (typeof COUNTERS)[number];

/** The dimensions a row of a scope keeps (bit 1 channel, 2 team, 4 agent); the others are "". */
export const DIMENSIONS = { channel: 1, team: 2, agent: 4 } as const;
export type Dimension = keyof typeof DIMENSIONS;
export const scopeOf = (dims: Iterable<Dimension>) => [...dims].reduce((s, d) => s | DIMENSIONS[d], 0);
const SCOPES = [0, 1, 2, 3, 4, 5, 6, 7];

/** The day reports file an instant under: its calendar day in REPORT_TIMEZONE (UTC unless set). */
export const reportDay = (at: Date, timeZone = env().REPORT_TIMEZONE) =>
  timeZone === "UTC" ? at.toISOString().slice(0, 10) : localTime(at, timeZone).date;

export interface ScopedKey {
  scope: number;
  day: string;
  channel: string;
  teamId: string;
  agentId: string;
}

/** A month's rows sit beside its days' under "m" + YYYY-MM, a key no day range ("YYYY-MM-DD") ever includes. */
export const monthKey = (day: string) => `m${day.slice(0, 7)}`;

/**
 * The row keys one change adds to: one per scope, for its day and again for its
 * month — long ranges read whole months and only the days at their ends.
 */
export function scopedKeys(day: string, channel: string, teamId: string, agentId: string): ScopedKey[] {
  return [day, monthKey(day)].flatMap((period) =>
    SCOPES.map((scope) => ({
      scope,
      day: period,
      channel: scope & 1 ? channel : "",
      teamId: scope & 2 ? teamId : "",
      agentId: scope & 4 ? agentId : "",
    })),
  );
}

/** The rows a change with these dimensions adds to. */
export const keysOf = (d: ReportDims) => scopedKeys(reportDay(d.at), d.channel, d.teamId ?? "", d.agentId ?? "");

export async function count(tx: Tx | Db, dims: ReportDims, add: Partial<Record<Counter, number>>): Promise<void> {
  const cols = COUNTERS.filter((c) => add[c]);
  if (!cols.length) return;
  await insertCounterRows(
    tx,
    cols,
    keysOf(dims).map((k) => ({ key: k, values: cols.map((c) => add[c]!) })),
  );
}

/** Adds counter values to rows, creating those that don't exist. Column names come from COUNTERS, never input. */
export async function insertCounterRows(
  tx: Tx | Db,
  cols: readonly Counter[],
  rows: Array<{ key: ScopedKey; values: number[] }>,
) {
  const names = Prisma.raw(cols.map((c) => `"${c}"`).join(", "));
  const updates = Prisma.raw(cols.map((c) => `"${c}" = "ReportDaily"."${c}" + excluded."${c}"`).join(", "));
  const tuples = rows.map(
    ({ key: k, values }) =>
      Prisma.sql`(${k.scope}, ${k.day}, ${k.channel}, ${k.teamId}, ${k.agentId}, ${Prisma.join(values)})`,
  );
  await tx.$executeRaw`
    INSERT INTO "ReportDaily" ("scope", "day", "channel", "teamId", "agentId", ${names})
    VALUES ${Prisma.join(tuples)}
    ON CONFLICT ("scope", "day", "channel", "teamId", "agentId") DO UPDATE SET ${updates}`;
}

export type DurationMetric = "first_response" | "resolution";

export async function countDuration(tx: Tx | Db, dims: ReportDims, metric: DurationMetric, seconds: number) {
  const bucket = bucketOf(Math.max(0, seconds));
  await insertDurationRows(
    tx,
    keysOf(dims).map((key) => ({ key, metric, bucket, n: 1 })),
  );
}

export async function insertDurationRows(
  tx: Tx | Db,
  rows: Array<{ key: ScopedKey; metric: DurationMetric; bucket: number; n: number }>,
) {
  const tuples = rows.map(
    ({ key: k, metric, bucket, n }) =>
      Prisma.sql`(${k.scope}, ${k.day}, ${k.channel}, ${k.teamId}, ${k.agentId}, ${metric}, ${bucket}, ${n})`,
  );
  await tx.$executeRaw`
    INSERT INTO "ReportDuration" ("scope", "day", "channel", "teamId", "agentId", "metric", "bucket", "count")
    VALUES ${Prisma.join(tuples)}
    ON CONFLICT ("scope", "day", "channel", "teamId", "agentId", "metric", "bucket")
    DO UPDATE SET "count" = "ReportDuration"."count" + excluded."count"`;
}

export const secondsBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);
