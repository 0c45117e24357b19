import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { appEnv } from "./e2e-env";
import { prepareDatabase, startNextServer } from "./own-server";

// A server with no proxy in front (TRUSTED_PROXIES empty, the default): the client's address is the
// socket's, so a client that writes a new X-Forwarded-For (or our own peer header) every time still
// spends one budget. Through the real HTTP server, because only `next start` knows the socket.
const PORT = 3114;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/e2e-client-address.db";
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(DB_FILE, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...appEnv,
    DATABASE_URL: `file:./${DB_FILE}`,
    TRUSTED_PROXIES: "",
    RATE_LIMIT_AUTH_PER_MINUTE: "5",
    OUTBOX_WORKER: "off",
    NEXTAUTH_URL: BASE,
    PUBLIC_URL: BASE,
  };
  delete env.SMTP_INBOUND_PORT;
  prepareDatabase(env);
  server = await startNextServer(PORT, env);
});

test.afterAll(() => {
  server?.kill();
});

test("a client that forges its address in headers still spends one sign-in budget", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${BASE}/api/account/password-reset`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `198.18.${i}.1`,
        "x-real-ip": `198.19.${i}.1`,
        "x-omnidesk-peer": `198.20.${i}.1`,
      },
      body: JSON.stringify({ email: "nobody@example.com" }),
    });
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
});
