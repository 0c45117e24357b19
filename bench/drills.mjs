// bench/drills — fault drills against the built app on loopback, each with
// bounded loops, printing what was acknowledged, what was stored and what the
// clients were answered. Nothing here is timed: the figures are counts.
//   identical   10 identical mails at once over SMTP, 10 identical webhook posts: no 5xx, each stored once
//   kill        signed SMS webhooks while the app is killed with SIGKILL and restarted: 0 acknowledged lost
//   terminate   PostgreSQL: every connection of the app terminated twice under load: only 2xx/503, recovers
// Usage: node bench/drills.mjs [identical|kill|terminate ...]   (all three by default)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import nodemailer from "nodemailer";
import pg from "pg";
import twilio from "twilio";
import { ensureBuild, run, waitForUrl } from "../scripts/run-steps.mjs";

const PORT = 3160;
const SMTP_PORT = 2660;
const BASE = `http://127.0.0.1:${PORT}`;
const TOKEN = "drill-only-twilio-token";
const WEBHOOK_SECRET = "drill-only-webhook-secret";
const POSTGRES_ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function envFor(databaseUrl) {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: BASE,
    PUBLIC_URL: BASE,
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_SMS_FROM: "+15005550006",
    SMTP_INBOUND_PORT: String(SMTP_PORT),
    EMAIL_ADDRESSES: "support@drill.test",
    EMAIL_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STORAGE_DIR: "./data/drill-blobs",
    OUTBOX_POLL_MS: "200",
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000",
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
    DATABASE_QUERY_TIMEOUT_MS: "5000",
  };
}

async function startApp(env) {
  const app = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitForUrl(`${BASE}/api/health`, 150);
  return app;
}

const stop = async (app) => {
  if (app.exitCode === null) app.kill("SIGTERM");
  await sleep(300);
};

function signedSms(i) {
  const params = {
    AccountSid: "AC00000000000000000000000000000000",
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    From: `+1415555${String(1000 + (i % 9000))}`,
    To: "+15005550006",
    Body: `Drill message ${i}`,
    NumMedia: "0",
  };
  const url = `${BASE}/api/twilio/sms`;
  return {
    sid: params.MessageSid,
    body: new URLSearchParams(params).toString(),
    signature: twilio.getExpectedTwilioSignature(TOKEN, url, params),
  };
}

async function postSms(r) {
  try {
    const res = await fetch(`${BASE}/api/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": r.signature },
      body: r.body,
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return "no answer";
  }
}

/** Fires `count` requests at `perSecond`, calling `during(i)` before request i; returns each answer. */
async function atRate(count, perSecond, send, during = async () => {}) {
  const started = Date.now();
  const answers = [];
  for (let i = 0; i < count; i++) {
    await during(i);
    const due = started + (i * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    answers.push(send(i));
  }
  return Promise.all(answers);
}

const tally = (answers) =>
  answers.reduce((t, a) => {
    const k = typeof a === "number" ? `${Math.floor(a / 100)}xx${a === 503 ? " (503)" : ""}` : a;
    t[k] = (t[k] ?? 0) + 1;
    return t;
  }, {});

async function until(check, seconds) {
  for (let i = 0; i < seconds * 5; i++) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

async function identical() {
  const file = "data/drill-identical.db";
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  const env = envFor(`file:./${file}`);
  run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env });
  const app = await startApp(env);
  try {
    const mail = `From: burst@example.com\r\nTo: support@drill.test\r\nSubject: once\r\nMessage-ID: <drill-${Date.now()}@example.com>\r\n\r\nSame bytes\r\n`;
    const client = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true });
    const smtp = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.sendMail({ envelope: { from: "burst@example.com", to: ["support@drill.test"] }, raw: mail }).then(
          () => "250",
          (err) => String(err.responseCode ?? err.code),
        ),
      ),
    );
    client.close();
    const other = mail.replace("<drill-", "<drill-webhook-");
    const webhook = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${BASE}/api/email/inbound?to=support@drill.test`, {
          method: "POST",
          headers: { "content-type": "message/rfc822", "x-webhook-secret": WEBHOOK_SECRET },
          body: other,
        }).then((r) => r.status),
      ),
    );
    const db = new Database(file, { readonly: true });
    await until(() => db.prepare(`SELECT COUNT(*) AS n FROM "Message"`).get().n >= 2, 30);
    await sleep(1000);
    const stored = db.prepare(`SELECT COUNT(*) AS n FROM "Message"`).get().n;
    db.close();
    console.log(
      `identical: SMTP answers ${JSON.stringify(tally(smtp.map(Number)))}, webhook answers ${JSON.stringify(tally(webhook))}`,
    );
    console.log(
      `identical: 2 distinct mails sent 10 times each → ${stored} stored (want 2), 5xx: ${[...smtp, ...webhook].filter((a) => Number(a) >= 500).length} (want 0)`,
    );
  } finally {
    await stop(app);
  }
}

async function kill() {
  const file = "data/drill-kill.db";
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  const env = envFor(`file:./${file}`);
  delete env.SMTP_INBOUND_PORT;
  run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env });
  let app = await startApp(env);
  const requests = Array.from({ length: 1000 }, (_, i) => signedSms(i));
  let restarts = 0;
  const answers = await atRate(
    requests.length,
    50,
    (i) => postSms(requests[i]),
    async (i) => {
      if (i === 300 || i === 650) {
        app.kill("SIGKILL");
        await sleep(200);
        restarts++;
        app = await startApp(env);
      }
    },
  );
  const acknowledged = requests.filter((_, i) => answers[i] === 200).map((r) => r.sid);
  const db = new Database(file, { readonly: true });
  const storedOf = () =>
    new Set(
      db
        .prepare(`SELECT "providerId" AS p FROM "Message" WHERE channel = 'sms'`)
        .all()
        .map((r) => r.p),
    );
  await until(() => acknowledged.every((sid) => storedOf().has(sid)), 120);
  const stored = storedOf();
  const total = db.prepare(`SELECT COUNT(*) AS n FROM "Message" WHERE channel = 'sms'`).get().n;
  db.close();
  await stop(app);
  const lost = acknowledged.filter((sid) => !stored.has(sid)).length;
  console.log(
    `kill: ${requests.length} signed SMS at 50/s, SIGKILL and restart ${restarts} times; answers ${JSON.stringify(tally(answers))}`,
  );
  console.log(
    `kill: acknowledged ${acknowledged.length}, stored ${total} (${total - stored.size} doubled), acknowledged but lost ${lost} (want 0)`,
  );
}

async function terminate() {
  const database = `omnidesk_drill_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  const env = envFor(url.toString());
  delete env.SMTP_INBOUND_PORT;
  run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env });
  const app = await startApp(env);
  let terminated = 0;
  try {
    const requests = Array.from({ length: 600 }, (_, i) => signedSms(i));
    const answers = await atRate(
      requests.length,
      40,
      (i) => postSms(requests[i]),
      async (i) => {
        if (i === 150 || i === 400) {
          const r = await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [database],
          );
          terminated += r.rowCount ?? 0;
        }
      },
    );
    const after = await postSms(signedSms(9999));
    const alive = app.exitCode === null;
    console.log(
      `terminate: ${requests.length} signed SMS at 40/s, ${terminated} connections terminated in two rounds; answers ${JSON.stringify(tally(answers))}`,
    );
    console.log(
      `terminate: the process ${alive ? "kept running" : `exited (${app.exitCode})`}; a request afterwards: ${after} (want 200, no restart)`,
    );
  } finally {
    await stop(app);
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

const DRILLS = { identical, kill, terminate };
const chosen = process.argv.slice(2).filter((a) => a in DRILLS);
ensureBuild();
for (const name of chosen.length ? chosen : Object.keys(DRILLS)) await DRILLS[name]();
