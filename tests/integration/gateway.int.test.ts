import { describe, expect, it } from "vitest";
import * as conversations from "@/app/api/conversations/route";
import * as conversation from "@/app/api/conversations/[id]/route";
import * as portalConversations from "@/app/api/portal/conversations/route";
import * as signup from "@/app/api/portal/signup/route";
import * as tokens from "@/app/api/tokens/route";
import * as token from "@/app/api/tokens/[id]/route";
import * as adminIvr from "@/app/api/admin/ivr/route";
import { ingest } from "@/lib/conversations/ingest";
import { PEER_HEADER } from "@/lib/gateway/client-address";
import { db } from "@/lib/db/client";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";

async function mintToken(userId: string, body: Record<string, unknown>) {
  const res = await call(tokens.POST, { method: "POST", cookie: await sessionCookie(userId), body });
  expect(res.status, res.text).toBe(201);
  return res.json as { token: string; id: string; prefix: string; scopes: string[] };
}
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe("API tokens", () => {
  it("are shown once, stored only as a hash, and act as their owner within their scopes", async () => {
    const agent = await createAgent();
    const { conversationId } = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550177" } },
      body: "hello",
    });
    const minted = await mintToken(agent.id, { name: "Mobile app", scopes: ["conversations:read"] });
    expect(minted.token).toMatch(/^odk_[\w-]{43}$/);
    expect(minted.prefix).toBe(minted.token.slice(0, 10));
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(JSON.stringify(stored)).not.toContain(minted.token.slice(4));

    const list = await call(conversations.GET, { headers: bearer(minted.token) });
    expect(list.status).toBe(200);
    expect(list.json.items.map((c: { id: number }) => c.id)).toEqual([conversationId]);
    const write = await call(conversation.PATCH, {
      method: "PATCH",
      headers: bearer(minted.token),
      params: { id: String(conversationId) },
      body: { status: "open" },
    });
    expect(write.status).toBe(403);
    expect(write.json.error).toMatchObject({
      code: "insufficient_scope",
      details: { required: "conversations:write" },
    });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: minted.id } })).lastUsedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "token.created", actorUserId: agent.id } })).toBe(1);
  });

  it("a revoked, expired, unknown or malformed token is a 401, never anonymous access", async () => {
    const agent = await createAgent();
    const minted = await mintToken(agent.id, { name: "Partner", scopes: ["conversations:read"] });
    const revoked = await call(token.DELETE, {
      method: "DELETE",
      cookie: await sessionCookie(agent.id),
      params: { id: minted.id },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).not.toBeNull();
    const expired = await mintToken(agent.id, { name: "Old", scopes: ["conversations:read"], expiresInDays: 1 });
    await db().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const header of [
      `Bearer ${minted.token}`,
      `Bearer ${expired.token}`,
      "Bearer odk_not-a-real-token",
      "Basic dXNlcjpwYXNz",
      "Bearer",
    ]) {
      const res = await call(conversations.GET, { headers: { authorization: header } });
      expect(res.status, header).toBe(401);
      expect(res.json.error.code).toBe("invalid_token");
    }
    expect(await db().auditEvent.count({ where: { action: "token.revoked" } })).toBe(1);
  });

  it("a token cannot manage tokens, and no role grants more than it has", async () => {
    const agent = await createAgent();
    const admin = await createAgent({ role: "admin" });
    const { user: customer } = await createCustomerUser();
    const all = await mintToken(admin.id, { name: "Everything", scopes: ["admin", "conversations:write"] });
    const minting = await call(tokens.POST, {
      method: "POST",
      headers: bearer(all.token),
      body: { name: "more", scopes: ["admin"] },
    });
    expect(minting.status).toBe(403);
    expect(minting.json.error.code).toBe("session_required");
    expect((await call(adminIvr.GET, { headers: bearer(all.token) })).status).toBe(200);

    const agentCookie = await sessionCookie(agent.id);
    const tooMuch = await call(tokens.POST, {
      method: "POST",
      cookie: agentCookie,
      body: { name: "x", scopes: ["admin"] },
    });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.json.error.code).toBe("scope_not_allowed");
    const service = await call(tokens.POST, {
      method: "POST",
      cookie: agentCookie,
      body: { name: "x", scopes: ["conversations:read"], kind: "service" },
    });
    expect(service.status).toBe(403);
    const customerAdmin = await call(tokens.POST, {
      method: "POST",
      cookie: await sessionCookie(customer.id),
      body: { name: "x", scopes: ["customers:read"] },
    });
    expect(customerAdmin.status).toBe(403);
  });

  it("a customer's token reads only that customer's conversations, and agent routes stay closed to it", async () => {
    const a = await createCustomerUser("Ann");
    const b = await createCustomerUser("Bob");
    await ingest(db(), { channel: "portal", from: { customerId: a.customer.id }, subject: "Ann's", body: "a" });
    await ingest(db(), { channel: "portal", from: { customerId: b.customer.id }, subject: "Bob's", body: "b" });
    const minted = await mintToken(a.user.id, { name: "Phone", scopes: ["conversations:read", "conversations:write"] });
    const mine = await call(portalConversations.GET, { headers: bearer(minted.token) });
    expect(mine.json.items.map((c: { subject: string }) => c.subject)).toEqual(["Ann's"]);
    expect((await call(conversations.GET, { headers: bearer(minted.token) })).status).toBe(403);
  });

  it("a role lost since the token was made shrinks its scopes with it", async () => {
    const admin = await createAgent({ role: "admin" });
    const minted = await mintToken(admin.id, { name: "Ops", scopes: ["admin", "conversations:read"] });
    await db().user.update({ where: { id: admin.id }, data: { role: "agent" } });
    expect((await call(adminIvr.GET, { headers: bearer(minted.token) })).status).toBe(403);
    expect((await call(conversations.GET, { headers: bearer(minted.token) })).status).toBe(200);
  });

  it("lists a user's own tokens without their secrets", async () => {
    const agent = await createAgent();
    const other = await createAgent();
    await mintToken(agent.id, { name: "Mine", scopes: ["conversations:read"] });
    await mintToken(other.id, { name: "Theirs", scopes: ["conversations:read"] });
    const list = await call(tokens.GET, { cookie: await sessionCookie(agent.id) });
    expect(list.json.tokens.map((t: { name: string }) => t.name)).toEqual(["Mine"]);
    expect(JSON.stringify(list.json)).not.toMatch(/tokenHash|odk_[\w-]{20}/);
    const revokeTheirs = await call(token.DELETE, {
      method: "DELETE",
      cookie: await sessionCookie(agent.id),
      params: { id: (await db().apiToken.findFirstOrThrow({ where: { name: "Theirs" } })).id },
    });
    expect(revokeTheirs.status).toBe(404);
  });
});

describe("cross-site request protection", () => {
  it("refuses cookie-authenticated writes sent from another site, and allows our own pages and API clients", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const { conversationId } = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550177" } },
      body: "hello",
    });
    const patch = (headers: Record<string, string>) =>
      call(conversation.PATCH, {
        method: "PATCH",
        cookie,
        headers,
        params: { id: String(conversationId) },
        body: { priority: "high" },
      });
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site", origin: "http://localhost" },
    ]) {
      const res = await patch(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json.error.code).toBe("cross_site_request");
    }
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).priority).toBe("normal");
    expect((await patch({ origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await patch({ origin: "https://desk.example.test" })).status).toBe(200);
    expect((await patch({})).status).toBe(200);
  });

  it("does not take a client's word for the host: X-Forwarded-Host counts only from a trusted proxy", async () => {
    const agent = await createAgent();
    const { conversationId } = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550178" } },
      body: "hello",
    });
    const res = await call(conversation.PATCH, {
      method: "PATCH",
      cookie: await sessionCookie(agent.id),
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", [PEER_HEADER]: "198.51.100.20" },
      params: { id: String(conversationId) },
      body: { priority: "high" },
    });
    expect(res.status).toBe(403);
  });
});

describe("rate limits", () => {
  it("sign-up attempts from one address trip the limit with Retry-After; another address is unaffected", async () => {
    const attempt = (ip: string, i: number) =>
      call(signup.POST, {
        method: "POST",
        headers: { [PEER_HEADER]: ip },
        body: { name: "Flood", email: `flood${i}@example.test`, password: "short" },
      });
    for (let i = 0; i < 20; i++) expect((await attempt("203.0.113.9", i)).status).toBe(400);
    const limited = await attempt("203.0.113.9", 99);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await attempt("198.51.100.7", 0)).status).toBe(400);
  });

  it("ignores an X-Forwarded-For the client wrote itself when no proxy is trusted: a new value each time buys nothing", async () => {
    const attempt = (i: number) =>
      call(signup.POST, {
        method: "POST",
        headers: { [PEER_HEADER]: "203.0.113.77", "x-forwarded-for": `198.18.0.${i}`, "x-real-ip": `198.19.0.${i}` },
        body: { name: "Flood", email: `spoof${i}@example.test`, password: "short" },
      });
    for (let i = 0; i < 20; i++) expect((await attempt(i)).status).toBe(400);
    expect((await attempt(20)).status).toBe(429);
  });
});

describe("text the databases cannot store", () => {
  it("refuses NUL characters and lone surrogates anywhere in the input with a 400, storing nothing", async () => {
    const { user } = await createCustomerUser();
    const cookie = await sessionCookie(user.id);
    for (const body of [
      '{"subject":"a\\u0000b","body":"x"}',
      '{"subject":"ok","body":"\\ud800"}',
      '{"subject":"ok","body":"x","\\u0000":1}',
    ]) {
      const res = await call(portalConversations.POST, { method: "POST", cookie, body });
      expect(res.status, body).toBe(400);
      expect(res.json.error.code).toBe("invalid_text");
    }
    const agent = await createAgent();
    const params = await call(token.DELETE, {
      method: "DELETE",
      cookie: await sessionCookie(agent.id),
      params: { id: "\ud800" },
    });
    expect(params.status).toBe(400);
    expect(await db().conversation.count()).toBe(0);
  });
});

describe("error answers", () => {
  it("carry the same security headers as successful ones: 401, 404 and 400 alike", async () => {
    const agent = await createAgent();
    const answers = [
      await call(conversations.GET, { path: "/api/conversations" }),
      await call(conversation.GET, {
        path: "/api/conversations/999999",
        cookie: await sessionCookie(agent.id),
        params: { id: "999999" },
      }),
      await call(conversations.GET, { path: "/api/conversations?limit=nope", cookie: await sessionCookie(agent.id) }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 404, 400]);
    for (const a of answers) {
      expect(a.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(a.headers.get("permissions-policy")).toContain("camera=()");
      expect(a.headers.get("x-content-type-options")).toBe("nosniff");
      expect(a.headers.get("x-frame-options")).toBe("DENY");
      expect(a.headers.get("x-request-id")).toBeTruthy();
    }
  });
});
