import { describe, expect, it } from "vitest";
import * as conversations from "@/app/api/conversations/route";
import * as conversation from "@/app/api/conversations/[id]/route";
import * as agentMessages from "@/app/api/conversations/[id]/messages/route";
import * as portalConversations from "@/app/api/portal/conversations/route";
import * as portalConversation from "@/app/api/portal/conversations/[id]/route";
import * as portalMessages from "@/app/api/portal/conversations/[id]/messages/route";
import * as signup from "@/app/api/portal/signup/route";
import * as me from "@/app/api/me/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";

async function customerWithConversation(name: string) {
  const { user, customer } = await createCustomerUser(name);
  const cookie = await sessionCookie(user.id);
  const res = await call(portalConversations.POST, {
    method: "POST",
    cookie,
    body: { subject: `${name}'s order`, body: "It broke" },
  });
  expect(res.status).toBe(201);
  return { user, customer, cookie, conversationId: res.json.id as number };
}

describe("portal API", () => {
  it("a customer lists, opens and replies to their own conversations", async () => {
    const a = await customerWithConversation("Alice");
    const list = await call(portalConversations.GET, { cookie: a.cookie });
    expect(list.status).toBe(200);
    expect(list.json.items.map((c: { id: number }) => c.id)).toEqual([a.conversationId]);

    const posted = await call(portalMessages.POST, {
      method: "POST",
      cookie: a.cookie,
      params: { id: String(a.conversationId) },
      body: { body: "Any news?" },
    });
    expect(posted.status).toBe(201);
    const detail = await call(portalConversation.GET, { cookie: a.cookie, params: { id: String(a.conversationId) } });
    expect(detail.json.messages.map((m: { body: string }) => m.body)).toEqual(["It broke", "Any news?"]);
  });

  it("customer A never reads or writes customer B's conversation", async () => {
    const a = await customerWithConversation("Alice");
    const b = await customerWithConversation("Bob");
    const read = await call(portalConversation.GET, { cookie: a.cookie, params: { id: String(b.conversationId) } });
    expect(read.status).toBe(404);
    expect(read.json.error.code).toBe("not_found");
    const write = await call(portalMessages.POST, {
      method: "POST",
      cookie: a.cookie,
      params: { id: String(b.conversationId) },
      body: { body: "hijack" },
    });
    expect(write.status).toBe(404);
    expect(await db().message.count({ where: { body: "hijack" } })).toBe(0);
    const list = await call(portalConversations.GET, { cookie: a.cookie });
    expect(list.json.items.map((c: { id: number }) => c.id)).toEqual([a.conversationId]);
  });

  it("customers do not see internal notes", async () => {
    const a = await customerWithConversation("Alice");
    const agent = await createAgent();
    const agentCookie = await sessionCookie(agent.id);
    await call(agentMessages.POST, {
      method: "POST",
      cookie: agentCookie,
      params: { id: String(a.conversationId) },
      body: { body: "secret note", internal: true },
    });
    await call(agentMessages.POST, {
      method: "POST",
      cookie: agentCookie,
      params: { id: String(a.conversationId) },
      body: { body: "Public answer" },
    });
    const detail = await call(portalConversation.GET, { cookie: a.cookie, params: { id: String(a.conversationId) } });
    expect(detail.json.messages.map((m: { body: string }) => m.body)).toEqual(["It broke", "Public answer"]);
  });

  it("sign-up creates a customer account, and refuses an address we already hold history for", async () => {
    const ok = await call(signup.POST, {
      method: "POST",
      body: { name: "Neo", email: "Neo@Example.test", password: "correct horse battery" },
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ email: "neo@example.test" });
    expect(ok.json).not.toHaveProperty("passwordHash");
    const again = await call(signup.POST, {
      method: "POST",
      body: { name: "Neo", email: "neo@example.test", password: "correct horse battery" },
    });
    expect(again.status).toBe(409);

    await ingest(db(), {
      channel: "email",
      from: { identity: { kind: "email", value: "known@example.test" } },
      body: "hi",
    });
    const known = await call(signup.POST, {
      method: "POST",
      body: { name: "Eve", email: "known@example.test", password: "correct horse battery" },
    });
    expect(known.status).toBe(409);
    expect(known.json.error.code).toBe("email_verification_required");
  });
});

describe("agent API", () => {
  it("lists the inbox newest first with cursor pagination that neither skips nor repeats", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    for (let i = 0; i < 7; i++) {
      await ingest(db(), {
        channel: "sms",
        providerId: `SM${i}`,
        from: { identity: { kind: "phone", value: `+1415555020${i}` } },
        body: `msg ${i}`,
        receivedAt: new Date(Date.UTC(2026, 0, 1, 0, i % 3)),
      });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(conversations.GET, {
        cookie,
        path: `/api/conversations?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((c: { id: number }) => c.id));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const all = await db().conversation.findMany({
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(all.map((c) => c.id));
  });

  it("filters by status, channel and assignee", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const sms = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550300" } },
      body: "a",
    });
    const mail = await ingest(db(), {
      channel: "email",
      from: { identity: { kind: "email", value: "m@x.test" } },
      body: "b",
    });
    await call(conversation.PATCH, {
      method: "PATCH",
      cookie,
      params: { id: String(mail.conversationId) },
      body: { assigneeId: agent.id, status: "pending" },
    });
    const ids = async (q: string) =>
      (await call(conversations.GET, { cookie, path: `/api/conversations?${q}` })).json.items.map(
        (c: { id: number }) => c.id,
      );
    expect(await ids("channel=sms")).toEqual([sms.conversationId]);
    expect(await ids("status=pending")).toEqual([mail.conversationId]);
    expect(await ids("assignee=me")).toEqual([mail.conversationId]);
    expect(await ids("assignee=unassigned")).toEqual([sms.conversationId]);
    expect(await ids("status=new,pending")).toHaveLength(2);
  });

  it("customers and anonymous callers cannot use agent routes", async () => {
    const { user } = await createCustomerUser();
    const anon = await call(conversations.GET);
    expect(anon.status).toBe(401);
    expect(anon.json.error.code).toBe("unauthenticated");
    const asCustomer = await call(conversations.GET, { cookie: await sessionCookie(user.id) });
    expect(asCustomer.status).toBe(403);
    const agent = await createAgent();
    const asAgentOnPortal = await call(portalConversations.GET, { cookie: await sessionCookie(agent.id) });
    expect(asAgentOnPortal.status).toBe(403);
  });

  it("a forged or deleted session is anonymous", async () => {
    const forged = await call(me.GET, {
      cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w",
    });
    expect(forged.json).toEqual({ user: null });
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    await db().user.delete({ where: { id: agent.id } });
    expect((await call(conversations.GET, { cookie })).status).toBe(401);
  });
});

describe("bad input gets a 400 JSON error, never a 500", () => {
  const cases: Array<[string, unknown]> = [
    ["not JSON", "{not json"],
    ["empty body", ""],
    ["an array", [1, 2]],
    ["a wrong type", { body: 42 }],
    ["an unknown field", { body: "hi", isAdmin: true }],
    ["an empty message", { body: "   " }],
    ["a wrong channel", { body: "hi", channel: "pigeon" }],
    ["internal as a string", { body: "hi", internal: "yes" }],
  ];
  it.each(cases)("reply with %s", async (_name, body) => {
    const agent = await createAgent();
    const c = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550400" } },
      body: "a",
    });
    const res = await call(agentMessages.POST, {
      method: "POST",
      cookie: await sessionCookie(agent.id),
      params: { id: String(c.conversationId) },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      code: expect.stringMatching(/^(invalid_json|validation_failed)$/),
      message: expect.any(String),
    });
    expect(res.json.error.requestId).toBe(res.headers.get("x-request-id"));
    expect(await db().message.count()).toBe(1);
  });

  it.each([["abc"], ["-1"], ["1.5"], ["99999999999"]])("conversation id %s", async (id) => {
    const agent = await createAgent();
    const res = await call(conversation.GET, { cookie: await sessionCookie(agent.id), params: { id } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
  });

  it.each([["status=bogus"], ["limit=0"], ["limit=1000"], ["cursor=%%%"], ["unknown=1"]])(
    "inbox query %s",
    async (q) => {
      const agent = await createAgent();
      const res = await call(conversations.GET, {
        cookie: await sessionCookie(agent.id),
        path: `/api/conversations?${q}`,
      });
      expect(res.status).toBe(400);
    },
  );

  it("a patch with nothing to change or a bad status", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const c = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550401" } },
      body: "a",
    });
    for (const body of [{}, { status: "archived" }, { priority: 3 }, { assigneeId: "" }]) {
      const res = await call(conversation.PATCH, {
        method: "PATCH",
        cookie,
        params: { id: String(c.conversationId) },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("an oversized body is 413", async () => {
    const agent = await createAgent();
    const c = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550402" } },
      body: "a",
    });
    const res = await call(agentMessages.POST, {
      method: "POST",
      cookie: await sessionCookie(agent.id),
      params: { id: String(c.conversationId) },
      body: { body: "x".repeat(1_100_000) },
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
  });
});
