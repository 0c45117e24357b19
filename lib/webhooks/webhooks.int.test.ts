import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhooksRoute from "@/app/api/admin/webhooks/route";
import * as deliveriesRoute from "@/app/api/admin/webhooks/[id]/deliveries/route";
import * as replayRoute from "@/app/api/admin/webhooks/deliveries/[id]/replay/route";
import { ingest } from "@/lib/conversations/ingest";
import { db } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/job-runner";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { webhookHandlers } from "./webhook-jobs";
import { fanOutEvents } from "./webhooks";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
const received: Received[] = [];
let answer = 200;
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What a partner does with our signature: recompute it over "<t>.<body>" with their secret. */
function verify(secret: string, header: string, body: string): boolean {
  const t = /t=(\d+)/.exec(header)?.[1];
  const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!t || !v1) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

async function subscribe(events: string[]) {
  const admin = await createAgent({ role: "admin" });
  const cookie = await sessionCookie(admin.id);
  const res = await call(webhooksRoute.POST, { method: "POST", cookie, body: { url, events } });
  expect(res.status).toBe(201);
  return { cookie, ...(res.json as { id: string; secret: string }) };
}

const newMessage = (phone = "+14155550177") =>
  ingest(db(), { channel: "sms", from: { identity: { kind: "phone", value: phone } }, body: "hello" });

describe("outbound webhooks", () => {
  it("delivers subscribed events once, signed so the partner can verify them, and logs the delivery", async () => {
    received.length = 0;
    answer = 200;
    const { cookie, id, secret } = await subscribe(["message.received"]);
    expect(secret).toMatch(/^whsec_/);
    const { conversationId, messageId } = await newMessage();
    expect(await fanOutEvents(db())).toBe(1);
    expect(await fanOutEvents(db())).toBe(0); // once
    expect(await drainJobs(db(), webhookHandlers)).toEqual({ processed: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(JSON.parse(hit!.body)).toMatchObject({ event: "message.received", conversationId, data: { messageId } });
    expect(hit!.headers["omnidesk-event"]).toBe("message.received");
    expect(verify(secret, String(hit!.headers["omnidesk-signature"]), hit!.body)).toBe(true);
    expect(verify("whsec_someone_else", String(hit!.headers["omnidesk-signature"]), hit!.body)).toBe(false);
    const log = await call(deliveriesRoute.GET, { cookie, params: { id } });
    expect(log.json.deliveries).toEqual([
      expect.objectContaining({ event: "message.received", status: "delivered", attempts: 1, lastStatusCode: 200 }),
    ]);
    // the list never shows the secret again
    expect((await call(webhooksRoute.GET, { cookie })).text).not.toContain(secret);
  });

  it("retries a failing endpoint with backoff, gives up after the last attempt, and an admin can replay it", async () => {
    received.length = 0;
    answer = 500;
    const { cookie, id } = await subscribe(["conversation.created", "message.received"]);
    await newMessage();
    expect(await fanOutEvents(db())).toBe(2);
    await db().outboxJob.updateMany({ where: { kind: "webhook" }, data: { maxAttempts: 2 } });
    expect(await drainJobs(db(), webhookHandlers)).toEqual({ processed: 0, retried: 2, failed: 0 });
    const later = () => new Date(Date.now() + 3_600_000);
    expect(await drainJobs(db(), webhookHandlers, { now: later })).toEqual({ processed: 0, retried: 0, failed: 2 });
    const failed = (await call(deliveriesRoute.GET, { cookie, params: { id } })).json.deliveries;
    expect(failed.map((d: { status: string; lastStatusCode: number }) => [d.status, d.lastStatusCode])).toEqual([
      ["failed", 500],
      ["failed", 500],
    ]);
    answer = 204;
    expect((await call(replayRoute.POST, { method: "POST", cookie, params: { id: failed[0].id } })).status).toBe(200);
    expect(await drainJobs(db(), webhookHandlers)).toEqual({ processed: 1, retried: 0, failed: 0 });
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: failed[0].id } })).status).toBe("delivered");
    expect(received).toHaveLength(5);
  });

  it("sends nothing for events before the subscription or of other types, and refuses unsafe URLs", async () => {
    received.length = 0;
    answer = 200;
    await newMessage("+14155550100");
    const { cookie } = await subscribe(["call.ended"]);
    await newMessage("+14155550101");
    expect(await fanOutEvents(db())).toBe(0);
    for (const bad of ["ftp://example.com/x", "http://example.com/hook", "not a url"]) {
      const res = await call(webhooksRoute.POST, {
        method: "POST",
        cookie,
        body: { url: bad, events: ["call.ended"] },
      });
      expect(res.status, bad).toBe(400);
    }
    const agent = await createAgent();
    expect((await call(webhooksRoute.GET, { cookie: await sessionCookie(agent.id) })).status).toBe(403);
  });
});
