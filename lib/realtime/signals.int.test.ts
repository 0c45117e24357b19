import { afterEach, describe, expect, it } from "vitest";
import { ingest } from "@/lib/conversations/ingest";
import { databaseProvider, db } from "@/lib/db/client";
import { createAgent, createCustomerUser } from "@/tests/helpers/factories";
import { agentActivity, customerTyping } from "./activity";
import { listenForStream } from "./pg-listener";
import { keepPresence, ONLINE_WINDOW_MS, onlineAgentIds, setPresenceStatus, touchPresence } from "./presence";
import { onLocalSignal, type Signal } from "./signals";
import { type Audience, StreamHub } from "./stream-hub";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A hub wired to signals the way an instance is: NOTIFY on PostgreSQL, in-process on SQLite. */
async function wiredHub() {
  const hub = new StreamHub(db(), { pollMs: Number.POSITIVE_INFINITY });
  cleanups.push(() => hub.close());
  if (databaseProvider() === "postgres") {
    let ready!: () => void;
    const connected = new Promise<void>((resolve) => (ready = resolve));
    cleanups.push(listenForStream(process.env.DATABASE_URL!, ready, (s) => hub.signal(s)));
    await connected;
  } else {
    cleanups.push(onLocalSignal((s) => hub.signal(s)));
  }
  return hub;
}

async function listen(hub: StreamHub, audience: Audience) {
  const got: Signal[] = [];
  cleanups.push(
    await hub.subscribe(
      { audience, send: () => undefined, reset: () => undefined, signal: (s) => got.push(s) },
      await hub.head(),
    ),
  );
  return got;
}

describe("typing and viewing signals", () => {
  it("reach colleagues (who is viewing, who is typing) and show the customer only that an agent is typing", async () => {
    const agent = await createAgent({ name: "Sam Support" });
    const ann = await createCustomerUser("Ann");
    const bob = await createCustomerUser("Bob");
    const convo = await ingest(db(), {
      channel: "portal",
      from: { customerId: ann.customer.id },
      subject: "Hi",
      body: "hello",
    });
    const hub = await wiredHub();
    const staff = await listen(hub, {});
    const annSees = await listen(hub, { customerId: ann.customer.id });
    const bobSees = await listen(hub, { customerId: bob.customer.id });

    await agentActivity(db(), convo.conversationId, agent, { viewing: true, typing: true });
    await customerTyping(db(), ann.customer.id, true);

    await expect
      .poll(() => staff.map((s) => `${s.type}:${s.data.by}:${s.data.name}`))
      .toEqual(["viewing:agent:Sam Support", "typing:agent:Sam Support", "typing:customer:Ann"]);
    expect(annSees.map((s) => `${s.type}:${s.data.by}`)).toEqual(["typing:agent"]);
    expect(bobSees).toEqual([]);
    expect(staff[0]).toMatchObject({ conversationId: convo.conversationId, data: { userId: agent.id, active: true } });
    // Signals are not stored: nothing was added to the feed.
    expect(await db().streamEvent.count({ where: { type: { in: ["typing", "viewing"] } } })).toBe(0);
  });

  it("refuses activity on a conversation that does not exist", async () => {
    const agent = await createAgent();
    await expect(agentActivity(db(), 999_999, agent, { typing: true })).rejects.toMatchObject({ status: 404 });
  });
});

describe("agent presence", () => {
  it("is online while seen within the window, unless away", async () => {
    const a = await createAgent();
    const b = await createAgent();
    const now = new Date(Date.UTC(2026, 10, 26, 10));
    await touchPresence(db(), a.id, now);
    await touchPresence(db(), b.id, new Date(now.getTime() - ONLINE_WINDOW_MS - 1));
    expect([...(await onlineAgentIds(db(), now))]).toEqual([a.id]);
    await setPresenceStatus(db(), a.id, "away");
    await touchPresence(db(), a.id, now);
    expect((await onlineAgentIds(db(), now)).size).toBe(0);
    await setPresenceStatus(db(), a.id, "online");
    expect([...(await onlineAgentIds(db(), now))]).toEqual([a.id]);
  });

  it("writes an agent's heartbeats once per 10 s, however many dashboards they have open", async () => {
    const a = await createAgent();
    const t0 = Date.UTC(2026, 10, 26, 10);
    const seen = async () =>
      (await db().agentPresence.findUniqueOrThrow({ where: { userId: a.id } })).lastSeenAt.getTime();
    await keepPresence(db(), a.id, t0);
    await keepPresence(db(), a.id, t0 + 5_000); // a second tab's heartbeat
    expect(await seen()).toBe(t0);
    await keepPresence(db(), a.id, t0 + 10_000);
    expect(await seen()).toBe(t0 + 10_000);
  });
});
