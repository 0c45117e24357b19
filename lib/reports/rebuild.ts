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
  type DurationMetric,
  insertCounterRows,
  insertDurationRows,
  keysOf,
  type ScopedKey,
  secondsBetween,
} from "./counters";
import { bucketOf } from "./histogram";

const BATCH = 5_000;
const KEPT: Counter[] = ["slaMet", "slaBreached"];

export async function rebuildReportStats(db: Db): Promise<{ conversations: number }> {
  const counters = new Map<string, { key: ScopedKey; add: Record<Counter, number> }>();
  const durations = new Map<string, { key: ScopedKey; metric: DurationMetric; bucket: number; n: number }>();
  const keys = (at: Date, channel: string, teamId: string | null, agentId: string | null) =>
    keysOf({ at, channel, teamId, agentId });
  const bump = (rowKeys: ScopedKey[], c: Counter, by = 1) => {
    for (const key of rowKeys) {
      const k = keyString(key);
      const entry = counters.get(k) ?? {
        key,
        add: Object.fromEntries(COUNTERS.map((x) => [x, 0])) as Record<Counter, number>,
      };
      entry.add[c] += by;
      counters.set(k, entry);
    }
  };
  const time = (rowKeys: ScopedKey[], metric: DurationMetric, seconds: number) => {
    const bucket = bucketOf(seconds);
    for (const key of rowKeys) {
      const k = `${keyString(key)}|${metric}|${bucket}`;
      const entry = durations.get(k) ?? { key, metric, bucket, n: 0 };
      entry.n++;
      durations.set(k, entry);
    }
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
    const first = batch[0]!.id;
    after = batch.at(-1)!.id;
    total += batch.length;
    const responders = await firstResponders(db, first, after);
    for (const c of batch) {
      bump(keys(c.createdAt, c.channel, c.teamId, null), "created");
      if (c.firstResponseAt) {
        const k = keys(c.firstResponseAt, c.channel, c.teamId, responders.get(c.id) ?? c.assigneeId);
        bump(k, "firstResponses");
        time(k, "first_response", secondsBetween(c.createdAt, c.firstResponseAt));
      }
      if (c.resolvedAt && (c.status === "solved" || c.status === "closed")) {
        const k = keys(c.resolvedAt, c.channel, c.teamId, c.assigneeId);
        bump(k, "resolved");
        time(k, "resolution", secondsBetween(c.createdAt, c.resolvedAt));
      }
      if (c.survey?.rating && c.survey.answeredAt) {
        const k = keys(c.survey.answeredAt, c.channel, c.teamId, c.assigneeId);
        bump(k, "csatAnswers");
        bump(k, "csatSum", c.survey.rating);
        if (c.survey.rating >= 4) bump(k, "csatPositive");
      }
    }
  }

  const rebuilt = COUNTERS.filter((c) => !KEPT.includes(c));
  await db.$transaction(
    async (tx) => {
      await tx.reportDaily.updateMany({ data: Object.fromEntries(rebuilt.map((c) => [c, 0])) });
      await tx.reportDuration.deleteMany();
      const rows = [...counters.values()].filter((r) => rebuilt.some((c) => r.add[c]));
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await insertCounterRows(
          tx,
          rebuilt,
          chunk.map((r) => ({ key: r.key, values: rebuilt.map((c) => r.add[c]) })),
        );
      }
      const hist = [...durations.values()];
      for (let i = 0; i < hist.length; i += 1000) await insertDurationRows(tx, hist.slice(i, i + 1000));
    },
    { timeout: 600_000 },
  );
  log.info("report counters rebuilt", { conversations: total, rows: counters.size, histogramRows: durations.size });
  return { conversations: total };
}

const keyString = (k: ScopedKey) => `${k.scope}|${k.day}|${k.channel}|${k.teamId}|${k.agentId}`;

/** Who sent the first answer of each conversation with an id in the range (automatic messages don't count). */
async function firstResponders(db: Db, fromId: number, toId: number): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  // A range, not a list of ids: SQLite limits the number of bound parameters.
  const answers = await db.message.findMany({
    where: { conversationId: { gte: fromId, lte: toId }, direction: "outbound", automated: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { conversationId: true, authorUserId: true },
  });
  for (const a of answers) if (!out.has(a.conversationId)) out.set(a.conversationId, a.authorUserId);
  return out;
}
