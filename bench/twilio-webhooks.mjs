// bench/twilio-webhooks — signed inbound-SMS webhooks at a fixed rate against the
// built app (next start, SQLite), next to a floor measured in the same run: a
// bare node:http handler doing the same single insert (bench/floor-server.mjs).
// Prints p50/p95/p99 latency, throughput and errors for both, the p99 ratio, and
// how long after the load the app's worker had every acknowledged message ingested.
// Usage: node bench/twilio-webhooks.mjs [--rate 200] [--seconds 60] [--inline-worker]
// Latency is measured from each request's scheduled send time (no coordinated omission).
import { fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import twilio from "twilio";
import { ensureBuild, run, waitForUrl } from "../scripts/run-steps.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RATE = arg("rate", 200);
// "separate": a worker process ingests (production layout: web instances run with OUTBOX_WORKER=off);
// "inline": the web process's own worker does.
const WORKER = process.argv.includes("--inline-worker") ? "inline" : "separate";
const SECONDS = arg("seconds", 60);
const APP_PORT = 3150;
const FLOOR_PORT = 3151;
const TOKEN = "bench-only-twilio-token";
const APP_DB = "data/bench-app.db";
const FLOOR_DB = "data/bench-floor.db";

for (const f of [APP_DB, FLOOR_DB]) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });

const appEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL: `file:./${APP_DB}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
  PUBLIC_URL: `http://127.0.0.1:${APP_PORT}`,
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_SMS_FROM: "+15005550006",
  OUTBOX_WORKER: WORKER === "inline" ? "on" : "off",
};
run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env: appEnv });
ensureBuild();

/** One inbound SMS as Twilio posts it, signed for `url`. Built before the clock starts. */
function makeRequests(url, n) {
  return Array.from({ length: n }, (_, i) => {
    const params = {
      AccountSid: appEnv.TWILIO_ACCOUNT_SID,
      ApiVersion: "2010-04-01",
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
      From: `+1415555${String(1000 + (i % 9000))}`,
      To: "+15005550006",
      Body: `Benchmark message ${i}: where is my order?`,
      NumMedia: "0",
      NumSegments: "1",
    };
    return {
      body: new URLSearchParams(params).toString(),
      signature: twilio.getExpectedTwilioSignature(TOKEN, url, params),
    };
  });
}

async function load(name, url) {
  const total = RATE * SECONDS;
  const requests = makeRequests(url, total);
  // Warm up (JIT, connection pool, first compile of the route) outside the measurement.
  for (const r of makeRequests(url, Math.min(200, total))) {
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": r.signature },
      body: r.body,
    });
  }
  const latencies = [];
  let errors = 0;
  const statuses = {};
  const interval = 1000 / RATE;
  const start = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const r = requests[i];
    inflight.push(
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": r.signature },
        body: r.body,
      })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        })
        .catch((err) => {
          errors++;
          statuses[err.cause?.code ?? err.name] = (statuses[err.cause?.code ?? err.name] ?? 0) + 1;
        })
        .finally(() => latencies.push(performance.now() - due)),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    name,
    requests: total,
    seconds: elapsed,
    throughput: total / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies.at(-1),
    errors,
    statuses,
  };
}

const floor = fork("bench/floor-server.mjs", [String(FLOOR_PORT), FLOOR_DB], { stdio: "ignore" });
await new Promise((resolve) => floor.once("message", resolve));
// Its own process group, so stopping it stops next-server too, not only npx.
const app = spawn("npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
  env: { ...process.env, ...appEnv },
  stdio: "ignore",
  detached: true,
});
const worker =
  WORKER === "separate"
    ? spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], {
        env: { ...process.env, ...appEnv, OUTBOX_WORKER: "on" },
        stdio: "ignore",
        detached: true,
      })
    : undefined;
try {
  await waitForUrl(`http://127.0.0.1:${APP_PORT}/api/health`);
  console.log(
    `Signed inbound-SMS webhooks, open loop at ${RATE}/s for ${SECONDS}s (plus 200 warm-up requests each), SQLite, loopback; ingest by ${WORKER === "inline" ? "the web process's own worker" : "a separate worker process"}.\n`,
  );
  const results = [
    await load("floor: node:http + one insert", `http://127.0.0.1:${FLOOR_PORT}/sms`),
    await load("app: POST /api/twilio/sms", `${appEnv.PUBLIC_URL}/api/twilio/sms`),
  ];
  const f = (n) => n.toFixed(2).padStart(8);
  console.log("target                            requests   req/s     p50 ms   p95 ms   p99 ms   max ms  errors");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(33)} ${String(r.requests).padStart(8)} ${r.throughput.toFixed(1).padStart(7)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${f(r.max)} ${String(r.errors).padStart(7)}`,
    );
  }
  for (const r of results) console.log(`${r.name}: responses ${JSON.stringify(r.statuses)}`);
  const [fl, ap] = results;
  // The app answers once a message is stored as an inbound job; the worker ingests it after. How long
  // until every acknowledged message is in a conversation?
  const expected = RATE * SECONDS + Math.min(200, RATE * SECONDS);
  const sqlite = new Database(APP_DB, { readonly: true });
  const count = () => sqlite.prepare(`SELECT COUNT(*) AS n FROM "Message" WHERE channel = 'sms'`).get().n;
  const drainStart = performance.now();
  let stored = count();
  while (stored < expected && performance.now() - drainStart < 300_000) {
    await sleep(250);
    stored = count();
  }
  const behind = (performance.now() - drainStart) / 1000;
  console.log(
    `\ningest: ${stored}/${expected} acknowledged messages in conversations ${behind.toFixed(1)} s after the load ended`,
  );
  sqlite.close();
  console.log(
    `\np99 ratio app/floor: ${(ap.p99 / fl.p99).toFixed(2)}× (target ≤ 2×), p50 ratio: ${(ap.p50 / fl.p50).toFixed(2)}×, errors: ${ap.errors}`,
  );
} finally {
  process.kill(-app.pid, "SIGTERM");
  if (worker) process.kill(-worker.pid, "SIGTERM");
  floor.kill("SIGTERM");
}
