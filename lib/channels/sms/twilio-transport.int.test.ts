import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { drainOutbox } from "@/lib/channels/delivery";
import { createAgent } from "@/tests/helpers/factories";
import { startFakeTwilio, TWILIO_ERRORS } from "@/tests/helpers/twilio";
import { twilioSmsTransport } from "./twilio-transport";

let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
beforeEach(async () => {
  fake = await startFakeTwilio();
});
afterEach(async () => {
  await fake.close();
});

const transports = () => ({
  sms: twilioSmsTransport(db(), {
    accountSid: "AC00000000000000000000000000000000",
    authToken: "secret-token",
    from: "+15005550006",
    publicUrl: "https://desk.example.test",
    httpClient: fake.httpClient,
  }),
});

async function queuedSmsReply() {
  const r = await ingest(db(), {
    channel: "sms",
    providerId: `SM${Math.random()}`,
    from: { identity: { kind: "phone", value: "+14155550123" } },
    body: "hi",
  });
  const agent = await createAgent();
  const { messageId } = await reply(db(), r.conversationId, agent.id, { body: "Hello from support" });
  return { messageId, message: () => db().message.findUniqueOrThrow({ where: { id: messageId } }) };
}

// Make every due job due now: backoff moves retries into the future.
const dueNow = () => db().outboxJob.updateMany({ where: { status: "pending" }, data: { runAt: new Date(0) } });

describe("the Twilio SMS transport", () => {
  it("sends through Twilio's Messages API with our status callback and keeps the MessageSid", async () => {
    const m = await queuedSmsReply();
    expect(await drainOutbox(db(), { transports: transports() })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req!.path).toBe("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json");
    expect(req!.authorization).toBe(
      `Basic ${Buffer.from("AC00000000000000000000000000000000:secret-token").toString("base64")}`,
    );
    expect(req!.params).toMatchObject({
      To: "+14155550123",
      From: "+15005550006",
      Body: "Hello from support",
      StatusCallback: `https://desk.example.test/api/twilio/sms/status?m=${m.messageId}`,
    });
    expect(await m.message()).toMatchObject({
      deliveryStatus: "sent",
      providerId: req!.sid,
    });
    expect(req!.sid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("retries 429 and 5xx with backoff, then delivers", async () => {
    const m = await queuedSmsReply();
    fake.answers.push(TWILIO_ERRORS.tooMany, TWILIO_ERRORS.serverError);
    expect((await drainOutbox(db(), { transports: transports() })).retried).toBe(1);
    expect((await db().outboxJob.findFirstOrThrow()).lastError).toMatch(/Twilio 429/);
    await dueNow();
    expect((await drainOutbox(db(), { transports: transports() })).retried).toBe(1);
    await dueNow();
    expect((await drainOutbox(db(), { transports: transports() })).delivered).toBe(1);
    expect(fake.requests).toHaveLength(3);
    expect((await m.message()).deliveryStatus).toBe("sent");
  });

  it("treats 21610 as opted out: fails at once, never retries, and records the opt-out", async () => {
    const m = await queuedSmsReply();
    fake.answers.push(TWILIO_ERRORS.optedOut);
    expect(await drainOutbox(db(), { transports: transports() })).toEqual({ delivered: 0, retried: 0, failed: 1 });
    await dueNow();
    await drainOutbox(db(), { transports: transports() });
    expect(fake.requests).toHaveLength(1);
    expect(await m.message()).toMatchObject({
      deliveryStatus: "failed",
      deliveryError: expect.stringContaining("21610"),
    });
    expect((await db().identity.findFirstOrThrow({ where: { kind: "phone" } })).optedOutAt).not.toBeNull();
  });

  it("does not retry other 4xx errors", async () => {
    const m = await queuedSmsReply();
    fake.answers.push(TWILIO_ERRORS.invalidTo);
    expect((await drainOutbox(db(), { transports: transports() })).failed).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect((await m.message()).deliveryError).toMatch(/21211/);
  });

  it("sends nothing to a number that opted out after the reply was queued", async () => {
    const m = await queuedSmsReply();
    await db().identity.updateMany({ data: { optedOutAt: new Date() } });
    expect((await drainOutbox(db(), { transports: transports() })).failed).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect((await m.message()).deliveryError).toMatch(/opted out/);
  });
});
