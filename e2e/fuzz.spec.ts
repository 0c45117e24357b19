import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import twilio from "twilio";
import { type Body, enc, garbageParam, garbageQuery, generator, malformedBody } from "../tests/helpers/fuzz-input";
import { appEnv, DEMO_PASSWORD } from "./e2e-env";
import { prepareDatabase, signInOverHttp, startNextServer } from "./own-server";

// The fuzzer through the running server (`next start`), so Next.js's own answers — path decoding, body
// reading, its 404s and 405s — are covered along with the routes. Every route and method of the OpenAPI
// document, called as a caller the route admits (so requests reach parsing and the handler), with
// malformed bodies, query strings and path parameters. A server of its own (its own SQLite file, demo
// data, no rate limits in the way), so nothing it changes reaches the other journeys.
const PORT = 3115;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/e2e-fuzz.db";
const WEBHOOK_SECRET = "fuzz-webhook-secret";
const TOTAL = 4_000;
let server: ChildProcess | undefined;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...appEnv,
  DATABASE_URL: `file:./${DB_FILE}`,
  DEMO_CREDENTIALS_FILE: "data/e2e-fuzz-credentials.txt",
  NEXTAUTH_URL: BASE,
  PUBLIC_URL: BASE,
  EMAIL_WEBHOOK_SECRET: WEBHOOK_SECRET,
  OUTBOX_WORKER: "off",
  RATE_LIMIT_PER_MINUTE: "1000000",
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: "1000000",
  RATE_LIMIT_AUTH_PER_MINUTE: "1000000",
  RATE_LIMIT_VISITOR_PER_MINUTE: "1000000",
  RATE_LIMIT_STORE: "memory",
};
delete env.SMTP_INBOUND_PORT;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  for (const s of ["", "-wal", "-shm"]) rmSync(DB_FILE + s, { force: true });
  prepareDatabase(env, ["scripts/db-migrate.ts", "scripts/seed.ts"]);
  server = await startNextServer(PORT, env);
});

test.afterAll(() => {
  server?.kill();
});

interface Operation {
  summary?: string;
  description: string;
  security: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}

test(`${TOTAL} malformed requests through the running server: never a 5xx, every error a JSON error`, async () => {
  test.setTimeout(600_000);
  const admin = await signInOverHttp(BASE, "admin@demo.test", DEMO_PASSWORD);
  const customer = await signInOverHttp(BASE, "carla@demo.test", DEMO_PASSWORD);
  expect(admin && customer).toBeTruthy();
  const site = (await (
    await fetch(`${BASE}/api/admin/chat-sites`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin },
      body: JSON.stringify({ name: "Fuzz", allowedOrigins: ["https://fuzz.example"] }),
    })
  ).json()) as { key: string };
  const visitor = (await (
    await fetch(`${BASE}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ siteKey: site.key, host: "https://fuzz.example/" }),
    })
  ).json()) as { token: string };

  const doc = (await (await fetch(`${BASE}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const cells = Object.entries(doc.paths)
    // next-auth's own endpoints are covered by its journeys; sign-out everywhere would end this run's session.
    .filter(([path]) => path !== "/api/auth/{nextauth}")
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
    .filter((c) => !(c.method === "DELETE" && c.path === "/api/sessions"));
  const perCell = Math.ceil(TOTAL / cells.length);
  const failures: string[] = [];
  let sent = 0;

  for (const [index, cell] of cells.entries()) {
    const g = generator(1_000 + index);
    const scheme = Object.keys(cell.op.security[0] ?? {})[0];
    const keys = Object.keys(Object.values(cell.op.requestBody?.content ?? {})[0]?.schema.properties ?? {});
    for (let i = 0; i < perCell; i++) {
      const hasBody = cell.method !== "GET" && cell.method !== "DELETE";
      let { body, contentType } = hasBody ? malformedBody(g, keys) : { body: undefined as Body, contentType: "" };
      if (scheme === "twilioSignature" && body && typeof body === "object" && !(body instanceof Uint8Array)) {
        body = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
        contentType = "application/x-www-form-urlencoded";
      }
      const path = `${cell.path.replace(/\{(\w+)\}/g, () => enc(g.rnd() < 0.3 ? "1" : garbageParam(g)))}?${garbageQuery(g)}`;
      const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
      if (scheme === "session")
        headers.cookie = cell.op.description.startsWith("A signed-in customer") ? customer : admin;
      if (scheme === "visitorToken") headers.authorization = `Visitor ${visitor.token}`;
      if (scheme === "webhookSecret") headers["x-webhook-secret"] = WEBHOOK_SECRET;
      if (scheme === "twilioSignature" && typeof body === "string") {
        headers["x-twilio-signature"] = twilio.getExpectedTwilioSignature(
          appEnv.TWILIO_AUTH_TOKEN!,
          `${BASE}${path}`,
          Object.fromEntries(new URLSearchParams(body)),
        );
      }
      const requestBody =
        body === undefined
          ? undefined
          : typeof body === "string"
            ? body
            : body instanceof Uint8Array
              ? new Uint8Array(body)
              : JSON.stringify(body);
      sent++;
      const res = await fetch(`${BASE}${path}`, {
        method: cell.method,
        headers,
        body: requestBody,
        redirect: "manual",
        signal: AbortSignal.timeout(20_000),
      }).catch((err: Error) => err);
      if (res instanceof Error) {
        failures.push(`${cell.method} ${path.slice(0, 120)} → no answer: ${res.message}`);
        continue;
      }
      if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
        await res.body?.cancel();
        continue;
      }
      const text = await res.text();
      let isJsonError = false;
      try {
        const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
        isJsonError = typeof error?.code === "string" && typeof error?.message === "string";
      } catch {
        isJsonError = false;
      }
      if (res.status >= 500 || (res.status >= 400 && !isJsonError))
        failures.push(`${cell.method} ${path.slice(0, 120)} → ${res.status} ${text.slice(0, 120)}`);
    }
  }
  console.log(`fuzz through next start: ${sent} requests over ${cells.length} route methods`);
  expect(failures.slice(0, 20)).toEqual([]);
});
