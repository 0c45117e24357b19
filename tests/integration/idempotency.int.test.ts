// Idempotency-Key on create requests: a client's retry after a lost answer stores nothing twice.
import { describe, expect, it } from "vitest";
import * as portalConversations from "@/app/api/portal/conversations/route";
import * as portalMessages from "@/app/api/portal/conversations/[id]/messages/route";
import * as widgetMessages from "@/app/api/widget/messages/route";
import * as widgetSession from "@/app/api/widget/session/route";
import { createChatSite } from "@/lib/channels/chat/sites";
import { db } from "@/lib/db/client";
import { forgetExpiredIdempotencyKeys } from "@/lib/gateway/idempotency";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";

async function customer(name = "Ida") {
  const { user } = await createCustomerUser(name);
  const cookie = await sessionCookie(user.id);
  const start = (key: string | undefined, subject = "Lost parcel") =>
    call(portalConversations.POST, {
      method: "POST",
      cookie,
      headers: key ? { "idempotency-key": key } : {},
      body: { subject, body: "It never came" },
    });
  return { cookie, start };
}

describe("Idempotency-Key", () => {
  it("answers a retried portal request from the first run: one conversation, the same answer", async () => {
    const { start } = await customer();
    const first = await start("retry-1");
    const again = await start("retry-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().conversation.count()).toBe(1);
    // Without a key, or with another, each request is its own.
    await start(undefined);
    await start("retry-2");
    expect(await db().conversation.count()).toBe(3);
  });

  it("stores a chat visitor's retried message once", async () => {
    const admin = await createAgent({ role: "admin" });
    const site = await createChatSite(db(), { name: "Shop", allowedOrigins: ["https://shop.example.com"] }, admin.id);
    const session = await call(widgetSession.POST, {
      method: "POST",
      body: { siteKey: site.key, host: "https://shop.example.com/" },
    });
    const send = () =>
      call(widgetMessages.POST, {
        method: "POST",
        headers: { authorization: `Visitor ${session.json.token}`, "idempotency-key": "widget-msg-1" },
        body: { body: "Do you ship to Canada?" },
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    expect(await db().message.count()).toBe(1);
  });

  it("refuses the same key for a different request, and keeps callers' keys apart", async () => {
    const ida = await customer("Ida");
    const bob = await customer("Bob");
    expect((await ida.start("shared-key", "First")).status).toBe(201);
    const reused = await ida.start("shared-key", "Something else");
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("idempotency_key_reused");
    expect((await bob.start("shared-key", "First")).status).toBe(201);
    expect(await db().conversation.count()).toBe(2);
  });

  it("forgets a key whose request failed, so the retry runs for real", async () => {
    const { cookie } = await customer();
    const reply = (id: string) =>
      call(portalMessages.POST, {
        method: "POST",
        cookie,
        params: { id },
        headers: { "idempotency-key": "reply-1" },
        body: { body: "Any news?" },
      });
    expect((await reply("999999")).status).toBe(404);
    expect(await db().idempotentRequest.count()).toBe(0);
  });

  it("lets two copies racing each other store once", async () => {
    const { start } = await customer();
    const answers = await Promise.all([start("race-1"), start("race-1"), start("race-1")]);
    expect(answers.map((a) => a.status).every((s) => s === 201 || s === 409)).toBe(true);
    expect(answers.some((a) => a.status === 201)).toBe(true);
    expect(await db().conversation.count()).toBe(1);
  });

  it("keeps keys a day", async () => {
    const { start } = await customer();
    await start("old-key");
    expect(await forgetExpiredIdempotencyKeys(db(), new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect(await forgetExpiredIdempotencyKeys(db(), new Date(Date.now() + 25 * 3_600_000))).toBe(1);
  });
});
