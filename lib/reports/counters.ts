// Report counters, bumped in the transaction of the change they count (a
// conversation opened, answered, solved; an SLA target met or missed; a survey
// answered). One statement each: an insert that adds to the row if it exists.
import { type Db, Prisma, type Tx } from "../db/client";
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

/** The UTC day reports file an instant under. */
export const reportDay = (at: Date) => at.toISOString().slice(0, 10);

const key = (d: ReportDims) => [reportDay(d.at), d.channel, d.teamId ?? "", d.agentId ?? ""] as const;

export async function count(tx: Tx | Db, dims: ReportDims, add: Partial<Record<Counter, number>>): Promise<void> {
  const cols = COUNTERS.filter((c) => add[c]);
  if (!cols.length) return;
  const [day, channel, teamId, agentId] = key(dims);
  // Column names come from the fixed list above, never from input.
  const names = Prisma.raw(cols.map((c) => `"${c}"`).join(", "));
  const updates = Prisma.raw(cols.map((c) => `"${c}" = "ReportDaily"."${c}" + excluded."${c}"`).join(", "));
  await tx.$executeRaw`
    INSERT INTO "ReportDaily" ("day", "channel", "teamId", "agentId", ${names})
    VALUES (${day}, ${channel}, ${teamId}, ${agentId}, ${Prisma.join(cols.map((c) => add[c]!))})
    ON CONFLICT ("day", "channel", "teamId", "agentId") DO UPDATE SET ${updates}`;
}

export type DurationMetric = "first_response" | "resolution";

export async function countDuration(tx: Tx | Db, dims: ReportDims, metric: DurationMetric, seconds: number, n = 1) {
  const [day, channel, teamId, agentId] = key(dims);
  const bucket = bucketOf(Math.max(0, seconds));
  await tx.$executeRaw`
    INSERT INTO "ReportDuration" ("day", "channel", "teamId", "agentId", "metric", "bucket", "count")
    VALUES (${day}, ${channel}, ${teamId}, ${agentId}, ${metric}, ${bucket}, ${n})
    ON CONFLICT ("day", "channel", "teamId", "agentId", "metric", "bucket")
    DO UPDATE SET "count" = "ReportDuration"."count" + excluded."count"`;
}

export const secondsBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);
