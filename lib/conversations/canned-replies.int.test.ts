import { describe, expect, it } from "vitest";
import * as cannedReplies from "@/app/api/canned-replies/route";
import * as cannedReply from "@/app/api/canned-replies/[id]/route";
import * as rendered from "@/app/api/conversations/[id]/canned-replies/[replyId]/route";
import * as messages from "@/app/api/conversations/[id]/messages/route";
import { db } from "@/lib/db/client";
import { ingest } from "./ingest";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";

const create = (cookie: string, body: object) => call(cannedReplies.POST, { method: "POST", cookie, body });

describe("canned replies", () => {
  it("are saved with their shortcut, refused in words when a variable or shortcut is wrong, and listed own + shared", async () => {
    const sam = await createAgent({ name: "Sam Support" });
    const alex = await createAgent({ name: "Alex Agent" });
    const cookie = await sessionCookie(sam.id);
    const bad = await create(cookie, { title: "x", shortcut: "two words", body: "Hi {{customer.age}}" });
    expect(bad.status).toBe(400);
    const problems = JSON.stringify(bad.json.error.details);
    expect(problems).toContain("Use up to 30 letters, digits, - or _ (no spaces)");
    expect(problems).toContain("{{customer.age}} is not a variable");

    expect(
      (await create(cookie, { title: "Refund", shortcut: "Refund", body: "Refunded.", shared: true })).status,
    ).toBe(201);
    expect((await create(cookie, { title: "Mine", shortcut: "mine", body: "Just mine." })).status).toBe(201);
    const clash = await create(await sessionCookie(alex.id), { title: "Other", shortcut: "refund", body: "x" });
    expect(clash.status).toBe(409);
    expect(clash.json.error.message).toBe("/refund is already “Refund”; pick another shortcut");

    const alexSees = await call(cannedReplies.GET, { cookie: await sessionCookie(alex.id) });
    expect(alexSees.json.items.map((r: { shortcut: string; editable: boolean }) => [r.shortcut, r.editable])).toEqual([
      ["refund", false],
    ]);
    const id = alexSees.json.items[0].id;
    const alexCookie = await sessionCookie(alex.id);
    expect(
      (await call(cannedReply.PATCH, { method: "PATCH", cookie: alexCookie, params: { id }, body: { title: "y" } }))
        .status,
    ).toBe(403);
    const admin = await sessionCookie((await createAgent({ role: "admin" })).id);
    expect(
      (
        await call(cannedReply.PATCH, {
          method: "PATCH",
          cookie: admin,
          params: { id },
          body: { title: "Refund sent" },
        })
      ).status,
    ).toBe(200);
    expect((await call(cannedReply.DELETE, { method: "DELETE", cookie, params: { id } })).status).toBe(200);
    expect((await call(cannedReplies.GET, { cookie: alexCookie })).json.items).toEqual([]);
  });

  it("fill in the conversation's customer and the agent, and say which variables had no value", async () => {
    const sam = await createAgent({ name: "Sam Support" });
    const cookie = await sessionCookie(sam.id);
    const c = await ingest(db(), {
      channel: "email",
      providerId: "<canned@x>",
      from: { identity: { kind: "email", value: "ana.lima@example.com" }, name: "Ana Lima" },
      subject: "Broken kettle",
      body: "It leaks",
    });
    const made = await create(cookie, {
      title: "Thanks",
      shortcut: "thanks",
      body: "Hi {{customer.first_name}}, {{agent.first_name}} here about #{{conversation.id}} ({{conversation.subject}}). We'll text {{customer.phone}}.",
    });
    const r = await call(rendered.GET, { cookie, params: { id: String(c.conversationId), replyId: made.json.id } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      text: `Hi Ana, Sam here about #${c.conversationId} (Broken kettle). We'll text .`,
      missing: ["customer.phone"],
    });

    // A customer we know only by a number has no first name to greet.
    const sms = await ingest(db(), {
      channel: "sms",
      providerId: "SMcanned",
      from: { identity: { kind: "phone", value: "+14155550188" } },
      body: "hi",
    });
    const bySms = await call(rendered.GET, {
      cookie,
      params: { id: String(sms.conversationId), replyId: made.json.id },
    });
    expect(bySms.json.missing).toEqual(["customer.first_name"]);
    expect(bySms.json.text).toContain("We'll text +14155550188.");
  });

  it("send and solve: the reply goes out and the conversation is solved, with its audit event", async () => {
    const sam = await createAgent();
    const c = await ingest(db(), {
      channel: "sms",
      providerId: "SMsolve",
      from: { identity: { kind: "phone", value: "+14155550189" } },
      body: "thanks, all good",
    });
    const r = await call(messages.POST, {
      method: "POST",
      cookie: await sessionCookie(sam.id),
      params: { id: String(c.conversationId) },
      body: { body: "Glad to help!", solve: true },
    });
    expect(r.status).toBe(201);
    const after = await db().conversation.findUniqueOrThrow({
      where: { id: c.conversationId },
      include: { events: true },
    });
    expect(after.status).toBe("solved");
    expect(after.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["message.sent", "conversation.status_changed"]),
    );
  });
});
