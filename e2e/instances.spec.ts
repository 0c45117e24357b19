import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { appEnv, DEMO_PASSWORD } from "./e2e-env";
import { prepareDatabase, signInOverHttp, startNextServer } from "./own-server";

// Two app instances (separate `next start` processes) on one PostgreSQL database,
// as behind a load balancer without sticky sessions: a customer writes to
// instance A, an agent listens on instance B.
const POSTGRES_ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORTS = { a: 3111, b: 3112 };
const database = `omnidesk_e2e_instances_${randomBytes(4).toString("hex")}`;
const databaseUrl = (() => {
  const u = new URL(POSTGRES_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
})();
const instances: ChildProcess[] = [];
const base = (name: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[name]}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await admin((c) => c.query(`CREATE DATABASE "${database}"`));
  // Everything as the e2e app, but on PostgreSQL and without its SMTP receiver (that port is taken).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...appEnv,
    DATABASE_URL: databaseUrl,
    DEMO_CREDENTIALS_FILE: `data/${database}.txt`,
  };
  delete env.SMTP_INBOUND_PORT;
  prepareDatabase(env, ["scripts/db-migrate.ts", "scripts/seed.ts"]);
  for (const name of ["a", "b"] as const)
    instances.push(await startNextServer(PORTS[name], { ...env, NEXTAUTH_URL: base(name), PUBLIC_URL: base(name) }));
});

test.afterAll(async () => {
  for (const child of instances) child.kill();
  await new Promise((r) => setTimeout(r, 500));
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

interface Received {
  id: number;
  type: string;
  conversationId: number;
}

/** An agent's event stream on an instance, from a Last-Event-ID if given. */
function listen(url: string, cookie: string, lastEventId?: number) {
  const got: Received[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(`${url}/api/stream`, {
      headers: { cookie, ...(lastEventId !== undefined ? { "last-event-id": String(lastEventId) } : {}) },
      signal: controller.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      let end;
      while ((end = buf.indexOf("\n\n")) >= 0) {
        const frame = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        const type = /^event: (.+)$/m.exec(frame)?.[1];
        if (data && type && /^id: \d+$/m.test(frame) && type !== "ready") got.push(JSON.parse(data) as Received);
      }
    }
  })().catch(() => undefined);
  return { got, close: () => controller.abort(), done };
}

test("a customer writes to instance A; the agent listening on instance B receives it, and a reconnect to B replays what it missed", async () => {
  test.setTimeout(120_000);
  const agent = await signInOverHttp(base("b"), "alex@demo.test", DEMO_PASSWORD);
  const email = `two-instances-${randomBytes(3).toString("hex")}@customer.test`;
  const signup = await fetch(`${base("a")}/api/portal/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Twin", email, password: "a long enough password" }),
  });
  expect(signup.status).toBe(201);
  const customer = await signInOverHttp(base("a"), email, "a long enough password");

  const live = listen(base("b"), agent);
  await new Promise((r) => setTimeout(r, 500));
  const created = await fetch(`${base("a")}/api/portal/conversations`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: customer },
    body: JSON.stringify({ subject: "Across instances", body: "first" }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };
  await expect
    .poll(() => live.got.filter((e) => e.conversationId === id).map((e) => e.type), { timeout: 15_000 })
    .toEqual(["conversation.created", "message.received"]);
  const lastSeen = live.got.at(-1)!.id;
  live.close();

  // B's stream is down (a dropped connection, a deploy) while the customer writes twice more on A.
  for (const body of ["second", "third"]) {
    const res = await fetch(`${base("a")}/api/portal/conversations/${id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: customer },
      body: JSON.stringify({ body }),
    });
    expect(res.status).toBe(201);
  }
  const resumed = listen(base("b"), agent, lastSeen);
  await expect
    .poll(() => resumed.got.filter((e) => e.conversationId === id).map((e) => e.type), { timeout: 15_000 })
    .toEqual(["message.received", "message.received"]);
  expect(resumed.got.every((e) => e.id > lastSeen)).toBe(true);
  resumed.close();
});
