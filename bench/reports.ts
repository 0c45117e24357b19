// bench/reports — seeds a large history and times every report against it.
//   npx tsx --conditions=react-server bench/reports.ts [--conversations 1000000] [--postgres postgres://…/db]
// Seeds N conversations over the last year (SQLite file data/bench-reports.db by
// default, or a fresh PostgreSQL database), builds the report counters with the
// same rebuild an existing install runs, then times each report (the API's own
// function) and, as the baseline, the same headline figures computed by scanning
// the conversations — printing milliseconds and the ratio.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { recreatePostgresDatabase, seededRandom, sqlTimestamp } from "./seed-data";

const { values: args } = parseArgs({
  options: {
    conversations: { type: "string", default: "1000000" },
    postgres: { type: "string" },
    /** time the reports on the database a previous run seeded (SQLite only) */
    reuse: { type: "boolean", default: false },
  },
});
const N = Number(args.conversations);
const postgres = args.postgres;
if (postgres) {
  await recreatePostgresDatabase(postgres);
  process.env.DATABASE_URL = postgres;
} else {
  if (!args.reuse) for (const s of ["", "-wal", "-shm"]) rmSync(`data/bench-reports.db${s}`, { force: true });
  process.env.DATABASE_URL = "file:./data/bench-reports.db";
}
process.env.NEXTAUTH_SECRET ??= "bench-only-secret-0123456789abcdef0123";
process.env.LOG_LEVEL ??= "warn";

const { migrate } = await import("../lib/db/migrate");
const { db } = await import("../lib/db/client");
const { rebuildReportStats } = await import("../lib/reports/rebuild");
const { reportOverview, ZReportQuery } = await import("../lib/reports/queries");
const { reportCsv } = await import("../lib/reports/csv");

await migrate(process.env.DATABASE_URL);
const client = db();
const DAY = 86_400_000;
const now = Date.now();
const ts = sqlTimestamp(!!postgres);
const rand = seededRandom(42);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

if (!args.reuse) {
  const t0 = performance.now();
  const teams = Array.from({ length: 5 }, (_, i) => `team${i}`);
  const agents = Array.from({ length: 25 }, (_, i) => `agent${i}`);
  await client.team.createMany({ data: teams.map((id) => ({ id, name: `Team ${id}` })) });
  await client.user.createMany({
    data: agents.map((id) => ({ id, email: `${id}@bench.test`, name: `Agent ${id}`, role: "agent" })),
  });
  const CUSTOMERS = Math.ceil(N / 10);
  const ROWS = 500;
  const insert = async (table: string, cols: string, rows: string[]) => {
    for (let i = 0; i < rows.length; i += ROWS * 20) {
      const chunk = rows.slice(i, i + ROWS * 20);
      await client.$transaction(async (tx) => {
        for (let j = 0; j < chunk.length; j += ROWS)
          await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${cols}) VALUES ${chunk.slice(j, j + ROWS).join(",")}`);
      });
    }
  };
  for (let c = 0; c < CUSTOMERS; c += 100_000) {
    const rows = [];
    for (let i = c; i < Math.min(CUSTOMERS, c + 100_000); i++) rows.push(`('cust${i}', 'Customer ${i}', ${ts(now)})`);
    await insert("Customer", `"id", "name", "createdAt"`, rows);
  }
  const CHANNELS = ["email", "email", "email", "chat", "chat", "sms", "portal", "voice"];
  for (let start = 0; start < N; start += 50_000) {
    const conversations: string[] = [];
    const surveys: string[] = [];
    for (let i = start; i < Math.min(N, start + 50_000); i++) {
      const created = now - rand() * 365 * DAY;
      const responded = rand() < 0.95 ? created + Math.exp(rand() * 9) * 1000 : null; // up to ~2 h
      const open = rand() < 0.08;
      const resolved = !open && responded ? responded + Math.exp(rand() * 12) * 1000 : null; // up to ~2 days
      const status = open ? pick(["new", "open", "pending"]) : resolved ? pick(["solved", "closed"]) : "open";
      const team = pick(teams);
      const agent = rand() < 0.9 ? pick(agents) : null;
      const at = (ms: number | null) => (ms === null || ms > now ? "NULL" : ts(ms));
      conversations.push(
        `(${i + 1}, 'cust${i % CUSTOMERS}', '${status}', 'normal', '${pick(CHANNELS)}', 'Bench ${i}', '${team}', ${
          agent ? `'${agent}'` : "NULL"
        }, ${at(responded)}, ${status === "solved" || status === "closed" ? at(resolved) : "NULL"}, ${ts(created)}, ${ts(created)}, ${ts(created)})`,
      );
      if (resolved && resolved < now && rand() < 0.2) {
        surveys.push(
          `('s${i}', ${i + 1}, 'cust${i % CUSTOMERS}', 'email', 'h${i}', ${1 + Math.floor(rand() * 5)}, ${ts(resolved)}, ${ts(resolved)})`,
        );
      }
    }
    await insert(
      "Conversation",
      `"id", "customerId", "status", "priority", "channel", "subject", "teamId", "assigneeId", "firstResponseAt", "resolvedAt", "lastMessageAt", "createdAt", "updatedAt"`,
      conversations,
    );
    await insert(
      "CsatSurvey",
      `"id", "conversationId", "customerId", "channel", "tokenHash", "rating", "answeredAt", "createdAt"`,
      surveys,
    );
    process.stdout.write(`\rseeded ${Math.min(N, start + 50_000).toLocaleString()} conversations`);
  }
  if (postgres) await client.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Conversation"', 'id'), ${N})`);
  const seeded = performance.now() - t0;
  console.log(`\nseeded ${N.toLocaleString()} conversations in ${(seeded / 1000).toFixed(1)} s`);

  const t1 = performance.now();
  await rebuildReportStats(client);
  console.log(`report counters built from the conversations in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
}
const counts = { daily: await client.reportDaily.count(), durations: await client.reportDuration.count() };
console.log(`counter rows: ${counts.daily.toLocaleString()} daily, ${counts.durations.toLocaleString()} histogram`);

async function time(fn: () => Promise<unknown>, runs = 5) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms.at(-1)! };
}

const today = new Date(now).toISOString().slice(0, 10);
const daysAgo = (d: number) => new Date(now - d * DAY).toISOString().slice(0, 10);
const cases: Array<[string, Record<string, string>]> = [
  ["last 30 days", { from: daysAgo(29), to: today }],
  ["last 365 days", { from: daysAgo(364), to: today }],
  ["365 days, one team", { from: daysAgo(364), to: today, team: "team2" }],
  ["365 days, one agent", { from: daysAgo(364), to: today, agent: "agent7" }],
  ["90 days, one channel", { from: daysAgo(89), to: today, channel: "chat" }],
];
console.log("\nreport (the API's function)        median     max");
for (const [label, q] of cases) {
  const r = await time(() => reportOverview(client, ZReportQuery.parse(q)));
  console.log(`${label.padEnd(34)} ${r.median.toFixed(1).padStart(7)} ms ${r.max.toFixed(1).padStart(7)} ms`);
}
const csv = await time(async () => {
  const r = await reportOverview(client, ZReportQuery.parse(cases[1]![1]));
  for (const t of ["daily", "channels", "agents", "teams"] as const) reportCsv(r, t);
});
console.log(
  `${"CSV of every table, 365 days".padEnd(34)} ${csv.median.toFixed(1).padStart(7)} ms ${csv.max.toFixed(1).padStart(7)} ms`,
);

// Baseline: the headline figures straight from the conversations (what a report without counters does).
const from = Date.now() - 365 * DAY;
const scan = await time(async () => {
  const where = { createdAt: { gte: new Date(from) } };
  await client.conversation.groupBy({ by: ["channel"], where, _count: { _all: true } });
  await client.conversation.count({ where: { resolvedAt: { gte: new Date(from) } } });
  // A median needs every duration: read them all and sort.
  const rows = await client.conversation.findMany({
    where: { ...where, firstResponseAt: { not: null } },
    select: { createdAt: true, firstResponseAt: true },
  });
  rows.map((r) => r.firstResponseAt!.getTime() - r.createdAt.getTime()).sort((a, b) => a - b);
}, 2);
const counters = await time(() => reportOverview(client, ZReportQuery.parse(cases[1]![1])), 2);
console.log(
  `\nbaseline scan of the conversations (365 days: per channel, solved, first-response median): ${scan.median.toFixed(0)} ms` +
    ` — the counters are ${(scan.median / counters.median).toFixed(0)}× faster`,
);
await client.$disconnect();
