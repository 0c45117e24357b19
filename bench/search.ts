// bench/search — full-text search over a large history, beside the first inbox page.
//   npx tsx --conditions=react-server bench/search.ts [--messages 1000000] [--postgres postgres://…/db] [--reuse]
// Seeds N messages (5 per conversation, 20 conversations per customer, each
// customer with an email address and a phone number) into a fresh SQLite file
// (data/bench-search.db) or PostgreSQL database, with bodies drawn from a
// 20,000-word vocabulary with a skewed (Zipf-like) frequency; the search indexes
// are the migration's own. Then times, through the API's own functions, p50/p95 of:
// a one-word query (a mid-frequency word, and a very common one), a three-word
// query, a phone-number fragment — and, as the baseline, the first inbox page.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { recreatePostgresDatabase, seededRandom, sqlTimestamp } from "./seed-data";

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "1000000" },
    postgres: { type: "string" },
    reuse: { type: "boolean", default: false },
    runs: { type: "string", default: "40" },
  },
});
const N = Number(args.messages);
const RUNS = Number(args.runs);
const postgres = args.postgres;
if (postgres && !args.reuse) await recreatePostgresDatabase(postgres);
if (!postgres && !args.reuse) for (const s of ["", "-wal", "-shm"]) rmSync(`data/bench-search.db${s}`, { force: true });
process.env.DATABASE_URL = postgres ?? "file:./data/bench-search.db";
process.env.NEXTAUTH_SECRET ??= "bench-only-secret-0123456789abcdef0123";
process.env.LOG_LEVEL ??= "warn";
// Building a GIN index over a million rows takes longer than a request may.
process.env.DATABASE_QUERY_TIMEOUT_MS ??= "600000";

const { migrate } = await import("../lib/db/migrate");
const { db } = await import("../lib/db/client");
const { listInbox } = await import("../lib/conversations/queries");
const { ZInboxQuery } = await import("../lib/conversations/queries");

await migrate(process.env.DATABASE_URL);
const client = db();
const now = Date.now();
const ts = sqlTimestamp(!!postgres);
const rand = seededRandom(7);
const SYLLABLES = "ka lo mi ter bin sho ra ne vu pel dor mak sil tu fen gra hol jin qua ze".split(" ");
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => {
  let w = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
  return w;
});
/** rank r is drawn with probability ~ 1/r: a few words are everywhere, most are rare */
const word = () =>
  VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCABULARY.length))) - 1)]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(" ");

const MESSAGES_PER_CONVERSATION = 5;
const CONVERSATIONS = Math.ceil(N / MESSAGES_PER_CONVERSATION);
const CUSTOMERS = Math.ceil(CONVERSATIONS / 20);
const phoneOf = (i: number) => `+1415${String(2_000_000 + i).padStart(7, "0")}`;

if (!args.reuse) {
  const t0 = performance.now();
  // PostgreSQL builds a GIN index faster in one go than row by row: drop the search indexes for the load.
  const SEARCH_INDEXES = [
    [`"Message_searchVector_idx"`, `"Message" USING gin ("searchVector")`],
    [
      `"Conversation_subject_search_idx"`,
      `"Conversation" USING gin (to_tsvector('simple'::regconfig, omnidesk_fold("subject")))`,
    ],
    [`"Customer_name_search_idx"`, `"Customer" USING gin (to_tsvector('simple'::regconfig, omnidesk_fold("name")))`],
    [`"Identity_value_trgm_idx"`, `"Identity" USING gin ("value" gin_trgm_ops)`],
  ];
  if (postgres) for (const [name] of SEARCH_INDEXES) await client.$executeRawUnsafe(`DROP INDEX ${name}`);
  const insert = async (table: string, cols: string, rows: string[]) => {
    await client.$transaction(
      async (tx) => {
        for (let j = 0; j < rows.length; j += 500)
          await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${cols}) VALUES ${rows.slice(j, j + 500).join(",")}`);
      },
      { timeout: 600_000 },
    );
  };
  for (let c = 0; c < CUSTOMERS; c += 10_000) {
    const customers: string[] = [];
    const identities: string[] = [];
    for (let i = c; i < Math.min(CUSTOMERS, c + 10_000); i++) {
      customers.push(`('cust${i}', '${VOCABULARY[i % 5000]} ${VOCABULARY[(i * 7) % 20000]}', ${ts(now)}, ${ts(now)})`);
      identities.push(`('ie${i}', 'cust${i}', 'email', 'c${i}@company${i % 500}.example', ${ts(now)})`);
      identities.push(`('ip${i}', 'cust${i}', 'phone', '${phoneOf(i)}', ${ts(now)})`);
    }
    await insert("Customer", `"id", "name", "createdAt", "updatedAt"`, customers);
    await insert("Identity", `"id", "customerId", "kind", "value", "createdAt"`, identities);
  }
  const STATUSES = ["new", "open", "pending", "solved", "solved", "closed", "closed", "closed"];
  for (let start = 0; start < CONVERSATIONS; start += 10_000) {
    const conversations: string[] = [];
    const messages: string[] = [];
    for (let i = start; i < Math.min(CONVERSATIONS, start + 10_000); i++) {
      const created = now - (CONVERSATIONS - i) * 60_000;
      conversations.push(
        `(${i + 1}, 'cust${i % CUSTOMERS}', '${STATUSES[i % STATUSES.length]}', 'normal', 'email', '${sentence(4)}', ${ts(created)}, ${ts(created)}, ${ts(created)})`,
      );
      for (let m = 0; m < MESSAGES_PER_CONVERSATION; m++)
        messages.push(
          `('m${i}_${m}', ${i + 1}, '${m % 2 ? "outbound" : "inbound"}', 'email', '${sentence(12 + Math.floor(rand() * 18))}', 'received', ${ts(created + m * 1000)})`,
        );
    }
    await insert(
      "Conversation",
      `"id", "customerId", "status", "priority", "channel", "subject", "lastMessageAt", "createdAt", "updatedAt"`,
      conversations,
    );
    await insert(
      "Message",
      `"id", "conversationId", "direction", "channel", "body", "deliveryStatus", "createdAt"`,
      messages,
    );
    process.stdout.write(
      `\rseeded ${(Math.min(CONVERSATIONS, start + 10_000) * MESSAGES_PER_CONVERSATION).toLocaleString()} messages`,
    );
  }
  if (postgres) {
    await client.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Conversation"', 'id'), ${CONVERSATIONS})`);
    const t1 = performance.now();
    for (const [name, on] of SEARCH_INDEXES) await client.$executeRawUnsafe(`CREATE INDEX ${name} ON ${on}`);
    await client.$executeRawUnsafe(`ANALYZE`);
    console.log(`\nsearch indexes built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  } else {
    await client.$executeRawUnsafe(`ANALYZE`);
  }
  console.log(`\nseeded ${N.toLocaleString()} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const viewer = { id: "bench-viewer", name: "Bench" };
async function time(label: string, queries: string[], run: (q: string) => Promise<{ items: unknown[] }>) {
  await run(queries[0]!); // warm-up
  const ms: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const q = queries[i % queries.length]!;
    const s = performance.now();
    hits += (await run(q)).items.length;
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const p = (x: number) => ms[Math.min(ms.length - 1, Math.ceil((x / 100) * ms.length) - 1)]!;
  return { label, p50: p(50), p95: p(95), hits: hits / RUNS };
}
const search = (q: string) => listInbox(client, viewer, ZInboxQuery.parse({ q }));
// Words by rank: ~1/r of messages hold rank r's word (a few times per message at the top).
const mid = Array.from({ length: 20 }, (_, i) => VOCABULARY[300 + i * 37]!);
const common = Array.from({ length: 5 }, (_, i) => VOCABULARY[1 + i]!);
const three = Array.from({ length: 20 }, (_, i) =>
  [VOCABULARY[40 + i]!, VOCABULARY[90 + i * 3]!, VOCABULARY[200 + i * 7]!].join(" "),
);
const phones = Array.from({ length: 20 }, (_, i) => phoneOf(Math.floor((i * CUSTOMERS) / 20)).slice(-7));
const rows = [
  await time("first inbox page (baseline)", ["-"], () =>
    listInbox(client, viewer, ZInboxQuery.parse({ status: "new,open,pending" })),
  ),
  await time("one word, mid-frequency", mid, search),
  await time("one word, very common", common, search),
  await time("three words", three, search),
  await time("phone-number fragment (7 digits)", phones, search),
];
const base = rows[0]!.p95;
console.log(
  `\n${postgres ? "PostgreSQL" : "SQLite"}, ${N.toLocaleString()} messages, ${CONVERSATIONS.toLocaleString()} conversations, ${CUSTOMERS.toLocaleString()} customers; ${RUNS} runs each`,
);
console.log("query                              p50 ms   p95 ms   p95 ÷ inbox   results/page");
for (const r of rows)
  console.log(
    `${r.label.padEnd(34)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${(r.p95 / base).toFixed(1).padStart(12)} ${r.hits.toFixed(1).padStart(14)}`,
  );
await client.$disconnect();
