// bench/chat-latency — live-update delivery to agent dashboards: N agent SSE
// connections (GET /api/stream) on the built app (next start, SQLite), while
// chat visitors post messages through the widget API; prints delivery latency p50/p95/p99 (post sent →
// event received on each connection) and the server's memory per connection.
// The floor, in the same run: a bare node:http server that stores each message
// with one insert and writes it to the same N event streams.
// Usage: node bench/chat-latency.mjs [--connections 100,500,1000] [--messages 200] [--rate 20]
// BENCH_PROF=1 writes a CPU profile of the app server to /tmp/prof (it slows the server down).
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { ensureBuild, run, waitForUrl } from "../scripts/run-steps.mjs";

const argv = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZES = argv("connections", "100,500,1000").split(",").map(Number);
const MESSAGES = Number(argv("messages", 200));
const RATE = Number(argv("rate", 20));
const CUSTOMERS = 10;
const APP_PORT = 3160;
const FLOOR_PORT = 3161;
const APP_DB = "data/bench-chat.db";
const FLOOR_DB = "data/bench-chat-floor.db";
const PASSWORD = randomBytes(12).toString("base64url");

for (const f of [APP_DB, FLOOR_DB]) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
const appEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL: `file:./${APP_DB}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
  DEMO_PASSWORD: PASSWORD,
  DEMO_CREDENTIALS_FILE: "data/bench-chat-credentials.txt",
  RATE_LIMIT_AUTH_PER_MINUTE: "100000",
  RATE_LIMIT_PER_MINUTE: "100000",
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000",
  RATE_LIMIT_VISITOR_PER_MINUTE: "100000",
  BCRYPT_COST: "4",
};
run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env: appEnv });
run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env: appEnv });
ensureBuild();

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (ms) => `${ms.toFixed(2)} ms`;

/** Resident memory of a process and its children, in MB. */
function rssMb(pid) {
  let children = "";
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    // ps exits 1 when there are none
  }
  const pids = [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
  let kb = 0;
  for (const p of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

const DELIVERY = "event: message.received\n";

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/**
 * Opens an SSE connection. While the run lasts it only keeps each chunk with its
 * arrival time and counts deliveries; frames are parsed after the run (by
 * `deliveries`), so 500 streams cost this process little. Resolves once the stream is open.
 */
function openStream(port, path, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path, headers: { cookie, accept: "text/event-stream" }, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        const stream = { chunks: [], count: 0, close: () => req.destroy() };
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          stream.chunks.push(performance.now(), chunk);
          for (let i = chunk.indexOf(DELIVERY); i >= 0; i = chunk.indexOf(DELIVERY, i + 1)) stream.count++;
        });
        resolve(stream);
      },
    );
    req.on("error", reject);
  });
}

/** The message ids a stream delivered, each with the arrival time of the chunk that completed its frame. */
function* deliveries(stream) {
  let text = "";
  for (let i = 0; i < stream.chunks.length; i += 2) {
    text += stream.chunks[i + 1];
    let end;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const frame = text.slice(0, end + 1);
      text = text.slice(end + 2);
      if (!frame.includes(DELIVERY)) continue;
      const data = JSON.parse(/^data: (.+)$/m.exec(frame)[1]);
      yield { messageId: String(data.data.messageId), at: stream.chunks[i] };
    }
  }
}

// ---- the app -------------------------------------------------------------

async function signIn(base, email, password) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return session;
}

/** A visitor's chat message through the widget API; resolves to its id. */
async function postChat(base, visitor, body) {
  const r = await fetch(`${base}/api/widget/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...visitor },
    body: JSON.stringify({ body }),
  });
  if (r.status !== 201) throw new Error(`post ${r.status}`);
  return String((await r.json()).id);
}

async function appTarget() {
  const base = `http://127.0.0.1:${APP_PORT}`;
  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(APP_PORT),
      "-H",
      "127.0.0.1",
    ],
    {
      env: appEnv,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitForUrl(`${base}/api/health`, 150);
  const agentCookie = await signIn(base, "alex@demo.test", PASSWORD);
  // Visitors of the seeded demo site, each with their chat open (their first message opened it).
  const customers = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const session = await fetch(`${base}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ siteKey: "demo", host: "http://localhost:8080/shop" }),
    });
    if (session.status !== 200) throw new Error(`widget session ${session.status}`);
    const visitor = { authorization: `Visitor ${(await session.json()).token}` };
    await postChat(base, visitor, `Hello from visitor ${i}`);
    customers.push(visitor);
  }
  return {
    name: "app (next start, SQLite)",
    pid: server.pid,
    port: APP_PORT,
    path: "/api/stream",
    cookie: agentCookie,
    customers,
    send: (visitor, body) => postChat(base, visitor, body),
    stop: () => server.kill(),
  };
}

// ---- the floor -------------------------------------------------------------

async function floorTarget() {
  const db = new Database(FLOOR_DB);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE message (id INTEGER PRIMARY KEY, conversation_id INTEGER, body TEXT, created_at TEXT)");
  const insert = db.prepare("INSERT INTO message (conversation_id, body, created_at) VALUES (?, ?, ?)");
  const streams = new Set();
  const server = http.createServer((req, res) => {
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.flushHeaders();
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { conversationId, text } = JSON.parse(body);
      const id = insert.run(conversationId, text, new Date().toISOString()).lastInsertRowid;
      const frame = `id: ${id}\nevent: message.received\ndata: ${JSON.stringify({ id: Number(id), conversationId, data: { messageId: String(id) } })}\n\n`;
      for (const s of streams) s.write(frame);
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: String(id) }));
    });
  });
  await new Promise((resolve) => server.listen(FLOOR_PORT, "127.0.0.1", resolve));
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({ conversationId: i + 1 }));
  return {
    name: "floor (node:http + one insert)",
    // In this process, beside the clients: its memory is not the server's alone.
    pid: null,
    port: FLOOR_PORT,
    path: "/",
    cookie: "",
    customers,
    send: (c, text) =>
      fetch(`http://127.0.0.1:${FLOOR_PORT}/`, {
        method: "POST",
        body: JSON.stringify({ conversationId: c.conversationId, text }),
      }).then(async (r) => (await r.json()).id),
    stop: () => server.close(),
  };
}

// ---- the run -------------------------------------------------------------

async function measure(target, connections) {
  const before = target.pid ? rssMb(target.pid) : 0;
  const streams = [];
  for (let i = 0; i < connections; i++) streams.push(await openStream(target.port, target.path, target.cookie));
  await sleep(1000);
  const after = target.pid ? rssMb(target.pid) : 0;
  const sentAt = new Map();
  const posts = [];
  let errors = 0;
  const gap = 1000 / RATE;
  const cpuBefore = target.pid ? cpuMs(target.pid) : 0;
  const start = performance.now();
  const sends = [];
  for (let k = 0; k < MESSAGES; k++) {
    const wait = start + k * gap - performance.now();
    if (wait > 0) await sleep(wait);
    const at = performance.now();
    sends.push(
      target
        .send(target.customers[k % target.customers.length], `message ${k}`)
        .then((id) => {
          sentAt.set(id, at);
          posts.push(performance.now() - at);
        })
        .catch(() => errors++),
    );
  }
  await Promise.all(sends);
  for (let t = 0; t < 5000 && streams.some((s) => s.count < sentAt.size); t += 10) await sleep(10);
  const cpuPerMessage = target.pid ? (cpuMs(target.pid) - cpuBefore) / MESSAGES : undefined;
  for (const s of streams) s.close();
  const latencies = [];
  for (const s of streams) {
    for (const d of deliveries(s)) if (sentAt.has(d.messageId)) latencies.push(d.at - sentAt.get(d.messageId));
  }
  latencies.sort((a, b) => a - b);
  posts.sort((a, b) => a - b);
  return {
    postP50: pct(posts, 50),
    connections,
    delivered: latencies.length,
    expected: MESSAGES * connections,
    errors,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    kbPerConnection: target.pid ? ((after - before) * 1024) / connections : undefined,
    cpuPerMessage,
  };
}

const targets = [await floorTarget(), await appTarget()];
const results = [];
try {
  for (const n of SIZES) {
    for (const t of targets) {
      const r = await measure(t, n);
      results.push({ target: t.name, ...r });
      console.log(
        `${t.name.padEnd(32)} ${String(n).padStart(5)} conns: p50 ${fmt(r.p50)}, p95 ${fmt(r.p95)}, p99 ${fmt(r.p99)}; ` +
          `delivered ${r.delivered}/${r.expected}, errors ${r.errors}; the POST alone p50 ${fmt(r.postP50)}` +
          (r.kbPerConnection === undefined
            ? ""
            : `; server memory ${r.kbPerConnection.toFixed(1)} KB/connection, CPU ${fmt(r.cpuPerMessage)}/message`),
      );
      await sleep(2000);
    }
    const [floor, app] = results.slice(-2);
    console.log(
      `  ratio app/floor at ${n}: p95 ${(app.p95 / floor.p95).toFixed(1)}×, p99 ${(app.p99 / floor.p99).toFixed(1)}×`,
    );
  }
} finally {
  for (const t of targets) t.stop();
}
