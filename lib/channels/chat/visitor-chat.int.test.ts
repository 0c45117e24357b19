import { describe, expect, it } from "vitest";
import * as messagesRoute from "@/app/api/widget/messages/route";
import * as sessionRoute from "@/app/api/widget/session/route";
import { reply } from "@/lib/conversations/reply";
import { db } from "@/lib/db/client";
import { call, createAgent } from "@/tests/helpers/factories";
import { ingest } from "@/lib/conversations/ingest";
import { touchPresence } from "@/lib/realtime/presence";
import { identityHash, identitySecret } from "./identity";
import { createChatSite } from "./sites";
import { CHAT_MAX_CHARS } from "./visitor-chat";

async function site(opts: { requirePreChat?: boolean } = {}) {
  const admin = await createAgent({ role: "admin" });
  return createChatSite(
    db(),
    { name: "Shop", allowedOrigins: ["https://shop.example.com"], requirePreChat: opts.requirePreChat },
    admin.id,
  );
}

const startSession = (siteKey: string, host = "https://shop.example.com/products/1", token?: string) =>
  call(sessionRoute.POST, { method: "POST", body: { siteKey, host, ...(token ? { token } : {}) } });
const as = (token: string) => ({ authorization: `Visitor ${token}` });
const send = (token: string, body: Record<string, unknown>) =>
  call(messagesRoute.POST, { method: "POST", headers: as(token), body });
const timeline = (token: string) => call(messagesRoute.GET, { headers: as(token) });

describe("chat widget visitors", () => {
  it("a visitor chats: the message is a chat conversation, the agent's reply comes back, the token resumes", async () => {
    const s = await site();
    const started = await startSession(s.key);
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ site: { name: "Shop", requirePreChat: false }, known: false });
    const token = started.json.token as string;
    expect((await timeline(token)).json).toEqual({ conversationId: null, status: null, messages: [] });

    const sent = await send(token, { body: "<b>Hi</b><script>alert(1)</script> do you ship to Norway?" });
    expect(sent.status).toBe(201);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: sent.json.conversationId } });
    expect(conversation).toMatchObject({ channel: "chat", subject: "Chat on Shop" });

    const agent = await createAgent({ name: "Alex Agent" });
    await reply(db(), conversation.id, agent.id, { body: "Yes, we do." });
    await reply(db(), conversation.id, agent.id, { body: "note: VIP", internal: true });
    const seen = await timeline(token);
    expect(seen.json.messages.map((m: { body: string; author: string | null }) => [m.author, m.body])).toEqual([
      [null, "<b>Hi</b><script>alert(1)</script> do you ship to Norway?"],
      ["Alex Agent", "Yes, we do."],
    ]);

    // The same browser comes back: same visitor, same history.
    const again = await startSession(s.key, undefined, token);
    expect(again.json).toMatchObject({ known: true });
    expect((await timeline(again.json.token)).json.conversationId).toBe(conversation.id);
  });

  it("a visitor's token never reads another visitor's chat, and forged tokens are refused", async () => {
    const s = await site();
    const a = (await startSession(s.key)).json.token as string;
    const b = (await startSession(s.key)).json.token as string;
    await send(a, { body: "my secret order 991" });
    expect((await timeline(b)).json.messages).toEqual([]);
    const forged = `${b.slice(0, -4)}AAAA`;
    const res = await timeline(forged);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("invalid_visitor_token");
    // A token from another site starts a fresh visitor on this one.
    const other = await createChatSite(
      db(),
      { name: "Blog", allowedOrigins: ["https://blog.example.com"] },
      (await createAgent({ role: "admin" })).id,
    );
    const there = await startSession(other.key, "https://blog.example.com/", a);
    expect((await timeline(there.json.token)).json.messages).toEqual([]);
  });

  it("says whether anyone is at the desk, from agents' presence", async () => {
    const s = await site();
    expect((await startSession(s.key)).json.agentsOnline).toBe(false);
    await touchPresence(db(), (await createAgent()).id);
    expect((await startSession(s.key)).json.agentsOnline).toBe(true);
  });

  it("refuses unknown sites and pages on origins the site did not allow", async () => {
    const s = await site();
    expect((await startSession("nope")).status).toBe(404);
    const res = await startSession(s.key, "https://evil.example.net/");
    expect(res.status).toBe(403);
  });

  it("answers oversized messages with 413 and floods with 429", async () => {
    const s = await site();
    const token = (await startSession(s.key)).json.token as string;
    const big = await send(token, { body: "x".repeat(CHAT_MAX_CHARS + 1) });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe("message_too_large");
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await timeline(token)).status);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 50).every((x) => x === 200)).toBe(true);
  });

  it("with the pre-chat form on, asks for name and email first, and keeps the address for email replies", async () => {
    const s = await site({ requirePreChat: true });
    const token = (await startSession(s.key)).json.token as string;
    const bare = await send(token, { body: "hello" });
    expect(bare.status).toBe(400);
    expect(bare.json.error.code).toBe("prechat_required");
    const ok = await send(token, { body: "hello", name: "Nora", email: "Nora@Example.com" });
    expect(ok.status).toBe(201);
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: ok.json.conversationId },
      include: { customer: { include: { identities: true } } },
    });
    expect(conversation.customer.name).toBe("Nora");
    expect(conversation.customer.identities.map((i) => i.kind).sort()).toEqual(["chat", "email"]);
    // A second message needs no form.
    expect((await send(token, { body: "still there?" })).status).toBe(201);
  });

  it("never attaches an address that already belongs to someone else", async () => {
    const s = await site({ requirePreChat: true });
    const owner = await db().customer.create({
      data: { name: "Owner", identities: { create: { kind: "email", value: "owner@example.com" } } },
    });
    const token = (await startSession(s.key)).json.token as string;
    const res = await send(token, { body: "it's me, honest", name: "Mallory", email: "owner@example.com" });
    expect(res.status).toBe(201);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: res.json.conversationId } });
    expect(conversation.customerId).not.toBe(owner.id);
    expect(await db().identity.count({ where: { customerId: conversation.customerId, kind: "email" } })).toBe(0);
  });
});

describe("signed-in users of the host site (identity validation)", () => {
  it("a valid signature joins the chat to the customer behind that email, on any browser", async () => {
    const s = await site();
    const known = await db().customer.create({
      data: { name: "Erin", identities: { create: { kind: "email", value: "erin@example.com" } } },
    });
    await ingest(db(), {
      channel: "email",
      providerId: "<erin-1@x>",
      from: { identity: { kind: "email", value: "erin@example.com" } },
      subject: "My invoice",
      body: "Where is my invoice?",
    });
    const secret = identitySecret(s.key, process.env.NEXTAUTH_SECRET!);
    const identity = {
      userId: "shop-user-17",
      email: "erin@example.com",
      hash: identityHash(secret, "shop-user-17", "erin@example.com"),
    };
    const res = await call(sessionRoute.POST, {
      method: "POST",
      body: { siteKey: s.key, host: "https://shop.example.com/", identity },
    });
    expect(res.status).toBe(200);
    const seen = await timeline(res.json.token);
    expect(seen.json.messages.map((m: { body: string }) => m.body)).toEqual(["Where is my invoice?"]);
    const sent = await send(res.json.token, { body: "Any news?" });
    const convo = await db().conversation.findUniqueOrThrow({ where: { id: sent.json.conversationId } });
    expect(convo.customerId).toBe(known.id);

    // Another browser, same signed-in user: same visitor, same history.
    const other = await call(sessionRoute.POST, {
      method: "POST",
      body: { siteKey: s.key, host: "https://shop.example.com/", identity },
    });
    expect((await timeline(other.json.token)).json.messages).toHaveLength(2);
  });

  it("a wrong signature (or another email under the same signature) is refused", async () => {
    const s = await site();
    const secret = identitySecret(s.key, process.env.NEXTAUTH_SECRET!);
    const hash = identityHash(secret, "shop-user-17", "erin@example.com");
    for (const identity of [
      { userId: "shop-user-17", email: "mallory@example.com", hash },
      { userId: "shop-user-18", email: "erin@example.com", hash },
      {
        userId: "shop-user-17",
        email: "erin@example.com",
        hash: identityHash("wrong", "shop-user-17", "erin@example.com"),
      },
    ]) {
      const res = await call(sessionRoute.POST, {
        method: "POST",
        body: { siteKey: s.key, host: "https://shop.example.com/", identity },
      });
      expect(res.status).toBe(403);
    }
    expect(await db().identity.count({ where: { kind: "chat" } })).toBe(0);
  });
});
