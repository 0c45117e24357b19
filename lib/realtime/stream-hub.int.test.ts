import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as streamRoute from "@/app/api/stream/route";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { createDb, databaseProvider, db, type Db } from "@/lib/db/client";
import { createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { stopAppStreamHub } from "./app-hub";
import { listenForStream } from "./pg-listener";
import { type Audience, MAX_REPLAY, type StreamEvent, StreamHub } from "./stream-hub";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A hub that only reads when told (or by the instance's wiring under test). */
function hubOn(database: Db = db(), pollMs = Number.POSITIVE_INFINITY) {
  const hub = new StreamHub(database, { pollMs });
  cleanups.push(() => hub.close());
  return hub;
}

async function listen(hub: StreamHub, audience: Audience, after = 0) {
  const got: StreamEvent[] = [];
  const resets: number[] = [];
  const stop = await hub.subscribe({ audience, send: (e) => got.push(e), reset: (id) => resets.push(id) }, after);
  cleanups.push(stop);
  return { got, resets };
}

const emailFrom = (address: string, n: number) => ({
  channel: "email" as const,
  providerId: `<${address}-${n}@mail>`,
  from: { identity: { kind: "email" as const, value: address } },
  subject: `From ${address}`,
  body: `message ${n}`,
});

async function readNow(hub: StreamHub) {
  hub.wake();
  await hub.settle();
}

describe("the realtime stream hub", () => {
  it("gives staff every conversation event live, in order; customers only their own, never notes", async () => {
    const agent = await createAgent();
    const a = await createCustomerUser("Ann");
    const b = await createCustomerUser("Bob");
    const hub = hubOn();
    const staff = await listen(hub, {}, await hub.head());
    const ann = await listen(hub, { customerId: a.customer.id }, await hub.head());
    const bob = await listen(hub, { customerId: b.customer.id }, await hub.head());

    const first = await ingest(db(), emailFrom(a.user.email, 1));
    await reply(db(), first.conversationId, agent.id, { body: "internal: check the order", internal: true });
    await reply(db(), first.conversationId, agent.id, { body: "On its way" });
    await readNow(hub);

    expect(staff.got.map((e) => e.type)).toEqual([
      "conversation.created",
      "message.received",
      "note.added",
      "message.sent",
    ]);
    expect(staff.got.map((e) => e.id)).toEqual([...staff.got.map((e) => e.id)].sort((x, y) => x - y));
    expect(staff.got[1]).toMatchObject({ conversationId: first.conversationId, data: { messageId: first.messageId } });
    expect(ann.got.map((e) => e.type)).toEqual(["conversation.created", "message.received", "message.sent"]);
    expect(bob.got).toEqual([]);
  });

  it("replays what a reconnecting subscriber missed, without repeats, then continues live", async () => {
    const a = await createCustomerUser("Ann");
    const hub = hubOn();
    const before = await hub.head();
    await ingest(db(), emailFrom(a.user.email, 1));
    await ingest(db(), emailFrom(a.user.email, 2));
    const missed = await hub.head();
    const seen = await listen(hub, {}, before);
    expect(seen.got.map((e) => e.type)).toEqual(["conversation.created", "message.received", "message.received"]);
    await ingest(db(), emailFrom(a.user.email, 3));
    await readNow(hub);
    await readNow(hub);
    expect(seen.got.map((e) => e.id).filter((id) => id > missed)).toHaveLength(1);
    expect(new Set(seen.got.map((e) => e.id)).size).toBe(seen.got.length);

    // The customer's replay is filtered as strictly as the live feed.
    const other = await createCustomerUser("Other");
    const theirs = await listen(hub, { customerId: other.customer.id }, before);
    expect(theirs.got).toEqual([]);
  });

  it("tells a subscriber that missed more than the replay holds to reload", async () => {
    const a = await createCustomerUser("Ann");
    const hub = hubOn();
    const before = await hub.head();
    const rows = Array.from({ length: MAX_REPLAY + 5 }, () => ({
      type: "message.received",
      conversationId: null,
      staffOnly: false,
      data: "{}",
    }));
    const convo = await ingest(db(), emailFrom(a.user.email, 1));
    await db().streamEvent.createMany({ data: rows.map((r) => ({ ...r, conversationId: convo.conversationId })) });
    const late = await listen(hub, {}, before);
    expect(late.got).toEqual([]);
    expect(late.resets).toEqual([await hub.head()]);
  });

  it("another instance's hub receives events through the database alone (NOTIFY on PostgreSQL)", async () => {
    const a = await createCustomerUser("Ann");
    // Instance B: its own database connection; on PostgreSQL it never polls, so only NOTIFY can wake it.
    const url = process.env.DATABASE_URL!;
    const otherDb = createDb(url);
    cleanups.push(() => otherDb.$disconnect());
    const postgres = databaseProvider(url) === "postgres";
    const hubB = hubOn(otherDb, postgres ? Number.POSITIVE_INFINITY : 50);
    if (postgres) {
      let listening!: () => void;
      const ready = new Promise<void>((resolve) => (listening = resolve));
      const stop = listenForStream(url, () => {
        listening();
        hubB.wake();
      });
      cleanups.push(stop);
      await ready; // LISTEN is in place (it wakes the hub once on connect)
    }
    const agentOnB = await listen(hubB, {}, await hubB.head());
    // Instance A writes (ingest through the app's own client).
    const r = await ingest(db(), emailFrom(a.user.email, 1));
    await expect
      .poll(() => agentOnB.got.map((e) => [e.type, e.conversationId]), { timeout: 10_000 })
      .toEqual([
        ["conversation.created", r.conversationId],
        ["message.received", r.conversationId],
      ]);
  });
});

describe("GET /api/stream (Server-Sent Events)", () => {
  afterAll(stopAppStreamHub);

  async function readEvents(res: Response, count: number): Promise<string[]> {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const frames = () => text.split("\n\n").filter((f) => f.includes("event: ") && !f.includes("event: ready"));
    while (frames().length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    return frames();
  }

  it("streams a customer's own events from Last-Event-ID, with ids to resume from", async () => {
    const a = await createCustomerUser("Ann");
    const b = await createCustomerUser("Bob");
    const before = await new StreamHub(db(), { pollMs: Number.POSITIVE_INFINITY }).head();
    const mine = await ingest(db(), emailFrom(a.user.email, 1));
    await ingest(db(), emailFrom(b.user.email, 1));
    const controller = new AbortController();
    const req = new Request("http://localhost/api/stream", {
      headers: { cookie: await sessionCookie(a.user.id), "last-event-id": String(before) },
      signal: controller.signal,
    });
    const res = await streamRoute.GET(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const frames = await readEvents(res, 2);
    controller.abort();
    expect(frames.map((f) => /event: (.+)/.exec(f)?.[1])).toEqual(["conversation.created", "message.received"]);
    const data = JSON.parse(/data: (.+)/.exec(frames[1]!)![1]!);
    expect(data).toMatchObject({ type: "message.received", conversationId: mine.conversationId });
    expect(Number(/id: (\d+)/.exec(frames[1]!)![1])).toBe(data.id);
  });

  it("is for signed-in people only", async () => {
    const res = await streamRoute.GET(new Request("http://localhost/api/stream"), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
  });
});
