// Recomputes the report counters from the conversations themselves: for a
// database that had conversations before reports existed, or after an import.
// Openings are filed under the conversation's current team, first responses
// under the first agent who answered, resolutions and surveys under the current
// assignee. SLA met/missed counts can't be recomputed (a met target's due time
// is not kept), so they are left as they are.
import type { Db } from "../db/client";
import { log } from "../log";
import {
  COUNTERS,
  type Counter,
  count,
  countDuration,
  reportDay,
  secondsBetween,
  type DurationMetric,
} from "./counters";
import { bucketOf } from "./histogram";

const BATCH = 5_000;
const KEPT: Counter[] = ["slaMet", "slaBreached"];

export async function rebuildReportStats(db: Db): Promise<{ conversations: number }> {
  const counters = new Map<string, { dims: Dims; add: Partial<Record<Counter, number>> }>();
  const durations = new Map<string, { dims: Dims; metric: DurationMetric; seconds: number; n: number }>();
  const bump = (dims: Dims, c: Counter, by = 1) => {
    const k = dimsKey(dims);
    const entry = counters.get(k) ?? { dims, add: {} };
    entry.add[c] = (entry.add[c] ?? 0) + by;
    counters.set(k, entry);
  };
  const time = (dims: Dims, metric: DurationMetric, seconds: number) => {
    const k = `${dimsKey(dims)}|${metric}|${bucketOf(seconds)}`;
    const entry = durations.get(k) ?? { dims, metric, seconds, n: 0 };
    entry.n++;
    durations.set(k, entry);
  };

  let after = 0;
  let total = 0;
  for (;;) {
    const batch = await db.conversation.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        channel: true,
        teamId: true,
        assigneeId: true,
        status: true,
        createdAt: true,
        firstResponseAt: true,
        resolvedAt: true,
        survey: { select: { rating: true, answeredAt: true } },
      },
    });
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    total += batch.length;
    const responders = await firstResponders(
      db,
      batch.filter((c) => c.firstResponseAt).map((c) => c.id),
    );
    for (const c of batch) {
      const at = (d: Date, agentId: string | null) => ({
        day: reportDay(d),
        channel: c.channel,
        teamId: c.teamId ?? "",
        agentId: agentId ?? "",
      });
      bump(at(c.createdAt, null), "created");
      if (c.firstResponseAt) {
        const dims = at(c.firstResponseAt, responders.get(c.id) ?? c.assigneeId);
        bump(dims, "firstResponses");
        time(dims, "first_response", secondsBetween(c.createdAt, c.firstResponseAt));
      }
      if (c.resolvedAt && (c.status === "solved" || c.status === "closed")) {
        const dims = at(c.resolvedAt, c.assigneeId);
        bump(dims, "resolved");
        time(dims, "resolution", secondsBetween(c.createdAt, c.resolvedAt));
      }
      if (c.survey?.rating && c.survey.answeredAt) {
        const dims = at(c.survey.answeredAt, c.assigneeId);
        bump(dims, "csatAnswers");
        bump(dims, "csatSum", c.survey.rating);
        if (c.survey.rating >= 4) bump(dims, "csatPositive");
      }
    }
  }

  const reset = Object.fromEntries(COUNTERS.filter((c) => !KEPT.includes(c)).map((c) => [c, 0]));
  await db.$transaction(
    async (tx) => {
      await tx.reportDaily.updateMany({ data: reset });
      await tx.reportDuration.deleteMany();
      for (const { dims, add } of counters.values()) await count(tx, toReportDims(dims), add);
      for (const d of durations.values()) await countDuration(tx, toReportDims(d.dims), d.metric, d.seconds, d.n);
    },
    { timeout: 600_000 },
  );
  log.info("report counters rebuilt", { conversations: total, rows: counters.size, histogramRows: durations.size });
  return { conversations: total };
}

interface Dims {
  day: string;
  channel: string;
  teamId: string;
  agentId: string;
}
const dimsKey = (d: Dims) => `${d.day}|${d.channel}|${d.teamId}|${d.agentId}`;
const toReportDims = (d: Dims) => ({
  at: new Date(`${d.day}T12:00:00Z`),
  channel: d.channel,
  teamId: d.teamId || null,
  agentId: d.agentId || null,
});

/** Who sent each conversation's first answer (automatic messages don't count). */
async function firstResponders(db: Db, ids: number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (!ids.length) return out;
  const answers = await db.message.findMany({
    where: { conversationId: { in: ids }, direction: "outbound", automated: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { conversationId: true, authorUserId: true },
  });
  for (const a of answers) if (!out.has(a.conversationId)) out.set(a.conversationId, a.authorUserId);
  return out;
}
