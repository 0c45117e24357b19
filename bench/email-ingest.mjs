// bench/email-ingest — mails per second through the app's SMTP receiver into
// stored messages (receiver → blob store + inbound job → worker: parse, thread,
// ingest), next to a floor measured in the same run: the same mails parsed with
// mailparser and stored with one insert each, no SMTP, no threading.
// Usage: node bench/email-ingest.mjs [--mails 2000] [--concurrency 8]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { ensureBuild, run } from "../scripts/run-steps.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MAILS = arg("mails", 2000);
const CONCURRENCY = arg("concurrency", 8);
const APP_PORT = 3160;
const SMTP_PORT = 3161;
const APP_DB = "data/bench-email.db";
const FLOOR_DB = "data/bench-email-floor.db";
for (const f of [APP_DB, FLOOR_DB]) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
rmSync("data/bench-email-blobs", { recursive: true, force: true });

const appEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL: `file:./${APP_DB}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
  SMTP_INBOUND_PORT: String(SMTP_PORT),
  EMAIL_ADDRESSES: "support@bench.localhost",
  STORAGE_DIR: "./data/bench-email-blobs",
  OUTBOX_WORKER: "off",
  OUTBOX_POLL_MS: "100",
};
run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env: appEnv });
ensureBuild();

/** Realistic mails: 200 senders, some replies, HTML + text, every fifth with a small attachment. */
function mail(i) {
  return {
    from: `Customer ${i % 200} <customer${i % 200}@example.com>`,
    to: "support@bench.localhost",
    subject: `Order ${1000 + i} question`,
    messageId: `<bench-${i}-${randomBytes(4).toString("hex")}@example.com>`,
    text: `Hello,\n\nwhere is order ${1000 + i}? It was due last week.\n\nThanks`,
    html: `<p>Hello,</p><p>where is order <b>${1000 + i}</b>? It was due last week.</p><p>Thanks</p>`,
    attachments: i % 5 === 0 ? [{ filename: "receipt.txt", content: `receipt ${i}`.repeat(50) }] : [],
  };
}

async function floor() {
  const raws = await Promise.all(Array.from({ length: MAILS }, (_, i) => new MailComposer(mail(i)).compile().build()));
  const db = new Database(FLOOR_DB);
  db.pragma("journal_mode = WAL");
  db.exec(
    `CREATE TABLE message (id INTEGER PRIMARY KEY, message_id TEXT UNIQUE, sender TEXT, subject TEXT, body TEXT)`,
  );
  const insert = db.prepare(
    `INSERT INTO message (message_id, sender, subject, body) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const start = performance.now();
  for (const raw of raws) {
    const m = await simpleParser(raw);
    insert.run(m.messageId, m.from?.value[0]?.address, m.subject, m.text);
  }
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return { name: "floor: mailparser + one insert", seconds, rate: MAILS / seconds };
}

async function app() {
  const server = spawn("npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, ...appEnv },
    stdio: "ignore",
    detached: true,
  });
  const worker = spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, ...appEnv, OUTBOX_WORKER: "on" },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (let i = 0; i < 150; i++) {
      try {
        await fetch(`http://127.0.0.1:${APP_PORT}/api/health`);
        break;
      } catch {
        await sleep(200);
      }
    }
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: SMTP_PORT,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: CONCURRENCY,
      maxMessages: Infinity,
    });
    const sqlite = new Database(APP_DB, { readonly: true });
    const stored = () => sqlite.prepare(`SELECT COUNT(*) AS n FROM "Message" WHERE channel = 'email'`).get().n;
    const start = performance.now();
    let next = 0;
    let errors = 0;
    const acceptLatencies = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MAILS) {
          const i = next++;
          const t = performance.now();
          try {
            await transport.sendMail(mail(i));
          } catch {
            errors++;
          }
          acceptLatencies.push(performance.now() - t);
        }
      }),
    );
    const accepted = (performance.now() - start) / 1000;
    while (stored() < MAILS - errors && performance.now() - start < 600_000) await sleep(100);
    const seconds = (performance.now() - start) / 1000;
    transport.close();
    acceptLatencies.sort((a, b) => a - b);
    const pct = (p) => acceptLatencies[Math.floor((p / 100) * (acceptLatencies.length - 1))].toFixed(1);
    const result = {
      name: "app: SMTP → stored messages",
      seconds,
      rate: stored() / seconds,
      detail: `all ${MAILS} accepted (250) after ${accepted.toFixed(1)} s (${(MAILS / accepted).toFixed(0)}/s; per-mail SMTP latency p50 ${pct(50)} ms, p99 ${pct(99)} ms), ${errors} errors`,
    };
    sqlite.close();
    return result;
  } finally {
    process.kill(-server.pid, "SIGTERM");
    process.kill(-worker.pid, "SIGTERM");
  }
}

console.log(
  `${MAILS} mails, ${CONCURRENCY} SMTP connections, SQLite, loopback; the app's worker in its own process.\n`,
);
const results = [await floor(), await app()];
for (const r of results)
  console.log(`${r.name.padEnd(30)} ${r.rate.toFixed(0).padStart(6)} mails/s  (${r.seconds.toFixed(1)} s)`);
console.log(`\n${results[1].detail}`);
console.log(`app/floor throughput: ${(results[1].rate / results[0].rate).toFixed(2)}×`);
