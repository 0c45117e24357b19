import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingest } from "./ingest";

const sms = (providerId: string, body = "Hello", from = "+1 415 555 0100") => ({
  channel: "sms" as const,
  providerId,
  from: { identity: { kind: "phone" as const, value: from } },
  body,
});

describe("ingest", () => {
  it("opens a conversation for a new customer, with the identity normalised and the events recorded", async () => {
    const r = await ingest(db(), {
      channel: "email",
      providerId: "<a@x>",
      from: { identity: { kind: "email", value: " Ana@Example.COM " }, name: "Ana" },
      subject: "Refund",
      body: "Where is my refund?",
    });
    expect(r).toMatchObject({ duplicate: false, createdConversation: true });
    const identity = await db().identity.findFirstOrThrow({ where: { customerId: r.customerId } });
    expect(identity).toMatchObject({ kind: "email", value: "ana@example.com" });
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: r.conversationId },
      include: { messages: true, events: true },
    });
    expect(conversation).toMatchObject({ subject: "Refund", status: "new", channel: "email" });
    expect(conversation.messages).toHaveLength(1);
    expect(conversation.messages[0]).toMatchObject({
      direction: "inbound",
      deliveryStatus: "received",
      body: "Where is my refund?",
    });
    expect(conversation.events.map((e) => e.action).sort()).toEqual(["conversation.created", "message.received"]);
  });

  it("stores phone numbers in E.164 so two spellings reach the same customer", async () => {
    const a = await ingest(db(), sms("SM1", "first", "+1 (415) 555-0100"));
    const b = await ingest(db(), sms("SM2", "second", "+14155550100"));
    expect(b.customerId).toBe(a.customerId);
    expect(b.conversationId).toBe(a.conversationId);
    expect(await db().identity.findMany({ select: { value: true } })).toEqual([{ value: "+14155550100" }]);
  });

  it("replays of the same provider id store one message", async () => {
    const first = await ingest(db(), sms("SM-replay"));
    const again = await ingest(db(), sms("SM-replay"));
    expect(again).toEqual({ ...first, duplicate: true, createdConversation: false });
    expect(await db().message.count()).toBe(1);
  });

  it("racing replays of the same provider id store one message, one customer and one conversation", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => ingest(db(), sms("SM-race", "race", "+442071838750"))),
    );
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db().message.count()).toBe(1);
    expect(await db().customer.count()).toBe(1);
    expect(await db().conversation.count()).toBe(1);
  });

  it("racing first messages from one new customer create that customer once", async () => {
    const results = await Promise.all(
      ["SMa", "SMb", "SMc", "SMd"].map((id) => ingest(db(), sms(id, id, "+33142685300"))),
    );
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(await db().customer.count()).toBe(1);
    expect(await db().message.count()).toBe(4);
  });

  it("racing messages from a known customer without an open conversation open exactly one", async () => {
    const first = await ingest(db(), sms("K0", "first", "+14155550555"));
    await db().conversation.update({ where: { id: first.conversationId }, data: { status: "closed" } });
    const results = await Promise.all(
      ["K1", "K2", "K3", "K4", "K5", "K6"].map((id) => ingest(db(), sms(id, id, "+14155550555"))),
    );
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    expect(results.filter((r) => r.createdConversation)).toHaveLength(1);
    expect(await db().conversation.count()).toBe(2);
  });

  it("the same provider id on another channel is a different message", async () => {
    await ingest(db(), sms("ID-1"));
    await ingest(db(), { ...sms("ID-1"), channel: "chat" });
    expect(await db().message.count()).toBe(2);
  });

  it("a customer writing on a solved conversation reopens it; a closed one starts a new conversation", async () => {
    const first = await ingest(db(), sms("S1"));
    await db().conversation.update({
      where: { id: first.conversationId },
      data: { status: "solved", resolvedAt: new Date() },
    });
    const reopened = await ingest(db(), sms("S2"));
    expect(reopened.conversationId).toBe(first.conversationId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).toMatchObject({
      status: "open",
      resolvedAt: null,
    });

    await db().conversation.update({ where: { id: first.conversationId }, data: { status: "closed" } });
    const fresh = await ingest(db(), sms("S3"));
    expect(fresh.createdConversation).toBe(true);
    expect(fresh.conversationId).not.toBe(first.conversationId);
  });

  it("refuses to thread into another customer's conversation and stores nothing", async () => {
    const mine = await ingest(db(), sms("M1", "mine", "+14155550101"));
    await expect(
      ingest(db(), { ...sms("M2", "intruder", "+14155550102"), conversationId: mine.conversationId }),
    ).rejects.toMatchObject({ status: 404, code: "not_found" });
    expect(await db().message.count()).toBe(1);
    // the intruder's customer was rolled back with the rest of the transaction
    expect(await db().customer.count()).toBe(1);
  });

  it("refuses a customer id that doesn't exist, however the message is threaded, and stores nothing", async () => {
    const mine = await ingest(db(), sms("G1", "mine", "+14155550103"));
    const ghost = { channel: "portal" as const, from: { customerId: "no-such-customer" }, body: "hello" };
    for (const input of [ghost, { ...ghost, newConversation: true }, { ...ghost, conversationId: mine.conversationId }])
      await expect(ingest(db(), input)).rejects.toMatchObject({ status: 404, code: "not_found" });
    expect(await db().message.count()).toBe(1);
    expect(await db().conversation.count()).toBe(1);
  });

  it("rejects an identity that is not what its kind says", async () => {
    await expect(ingest(db(), sms("X1", "hi", "not a number"))).rejects.toMatchObject({ code: "invalid_identity" });
    await expect(
      ingest(db(), { channel: "email", from: { identity: { kind: "email", value: "nope" } }, body: "x" }),
    ).rejects.toMatchObject({ code: "invalid_identity" });
  });

  it("keeps attachment metadata with the message", async () => {
    const r = await ingest(db(), {
      ...sms("MM1", "photo"),
      attachments: [
        {
          filename: "photo.jpg",
          contentType: "image/jpeg",
          size: 1234,
          storageKey: "https://api.twilio.test/Media/ME1",
        },
      ],
    });
    const atts = await db().attachment.findMany({ where: { messageId: r.messageId } });
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({ filename: "photo.jpg", size: 1234 });
  });
});
