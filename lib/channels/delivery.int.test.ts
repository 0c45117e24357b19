import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { PermanentDeliveryError, type Transport } from "@/lib/channels/transports";
import { createAgent } from "@/tests/helpers/factories";
import { drainOutbox } from "./delivery";

async function queuedReply(channel: "portal" | "sms" = "sms") {
  const agent = await createAgent();
  const r = await ingest(db(), {
    channel,
    providerId: `P${Math.random()}`,
    from: { identity: { kind: "phone", value: "+14155550199" } },
    body: "hi",
  });
  return reply(db(), r.conversationId, agent.id, { body: "reply", channel });
}

const flaky = (
  failures: number,
  error: () => Error = () => new Error("503 from provider"),
): Transport & { calls: number } => {
  const t = {
    calls: 0,
    async send() {
      t.calls++;
      if (t.calls <= failures) throw error();
      return { status: "sent" as const, providerId: `SM-out-${t.calls}` };
    },
  };
  return t;
};

describe("delivery worker", () => {
  it("delivers portal replies by storing them", async () => {
    const { messageId } = await queuedReply("portal");
    expect(await drainOutbox(db(), { transports: {} })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).deliveryStatus).toBe("delivered");
  });

  it("without a provider, records the message locally and says so in the timeline", async () => {
    const { messageId } = await queuedReply("sms");
    await drainOutbox(db(), { transports: {} });
    expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).deliveryStatus).toBe("sent");
    expect(await db().auditEvent.count({ where: { action: "message.delivery_note" } })).toBe(1);
  });

  it("retries a failing transport with backoff, then delivers", async () => {
    const { messageId } = await queuedReply();
    const sms = flaky(1);
    let now = new Date("2026-01-01T00:00:00Z");
    await db().outboxJob.updateMany({ data: { runAt: now } });
    expect(await drainOutbox(db(), { transports: { sms }, now: () => now })).toEqual({
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    const job = await db().outboxJob.findFirstOrThrow();
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "503 from provider" });
    expect(job.runAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(4_000);
    // not due yet: nothing happens
    expect(await drainOutbox(db(), { transports: { sms }, now: () => now })).toEqual({
      delivered: 0,
      retried: 0,
      failed: 0,
    });
    now = new Date(job.runAt.getTime() + 1);
    expect(await drainOutbox(db(), { transports: { sms }, now: () => now })).toEqual({
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    expect(await db().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      deliveryStatus: "sent",
      providerId: "SM-out-2",
    });
  });

  it("a permanent error fails the message at once, with the reason", async () => {
    const { messageId } = await queuedReply();
    const sms = flaky(5, () => new PermanentDeliveryError("21610: number opted out"));
    expect(await drainOutbox(db(), { transports: { sms } })).toEqual({ delivered: 0, retried: 0, failed: 1 });
    expect(sms.calls).toBe(1);
    expect(await db().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      deliveryStatus: "failed",
      deliveryError: "21610: number opted out",
    });
  });

  it("gives up after maxAttempts", async () => {
    const { messageId } = await queuedReply();
    await db().outboxJob.updateMany({ data: { maxAttempts: 2 } });
    const sms = flaky(99);
    let now = new Date();
    for (let i = 0; i < 2; i++) {
      await drainOutbox(db(), { transports: { sms }, now: () => now });
      now = new Date(now.getTime() + 3_600_000 * 2);
    }
    expect(sms.calls).toBe(2);
    expect((await db().outboxJob.findFirstOrThrow()).status).toBe("failed");
    expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).deliveryStatus).toBe("failed");
  });

  it("two workers draining at once deliver each message once", async () => {
    for (let i = 0; i < 5; i++) await queuedReply();
    const sms = flaky(0);
    const [a, b] = await Promise.all([
      drainOutbox(db(), { transports: { sms } }),
      drainOutbox(db(), { transports: { sms } }),
    ]);
    expect(a.delivered + b.delivered).toBe(5);
    expect(sms.calls).toBe(5);
  });

  it("a job left running by a crashed worker is picked up after its lease", async () => {
    await queuedReply();
    const past = new Date(Date.now() - 120_000);
    await db().outboxJob.updateMany({ data: { status: "running", lockedUntil: past } });
    const sms = flaky(0);
    expect((await drainOutbox(db(), { transports: { sms } })).delivered).toBe(1);
  });
});
