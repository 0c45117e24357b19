// Every route that takes a body answers malformed input with a 400 JSON error,
// stores nothing, and never answers 500.
import { describe, expect, it } from "vitest";
import * as conversation from "@/app/api/conversations/[id]/route";
import * as agentMessages from "@/app/api/conversations/[id]/messages/route";
import * as portalConversations from "@/app/api/portal/conversations/route";
import * as portalMessages from "@/app/api/portal/conversations/[id]/messages/route";
import * as signup from "@/app/api/portal/signup/route";
import * as nextAuth from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import type { RouteHandler } from "@/lib/gateway/route";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";

const MALFORMED: Array<[string, unknown]> = [
  ["not JSON", "{oops"],
  ["an empty body", ""],
  ["null", "null"],
  ["a number", "42"],
  ["an array", "[]"],
  ["an empty object", {}],
  ["every field the wrong type", { body: 1, subject: [], name: {}, email: 7, password: true, status: 3 }],
  ["a huge string", { body: "x".repeat(60_000), subject: "y".repeat(300), name: "z".repeat(300) }],
  [
    "an unknown field",
    { body: "hi", subject: "s", name: "n", email: "a@b.test", password: "long enough pw", role: "admin" },
  ],
  ["deep nesting", JSON.parse("[".repeat(200) + "]".repeat(200))],
  [
    "bytes that are not UTF-8",
    Uint8Array.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  ],
];

interface Target {
  name: string;
  handler: RouteHandler;
  method: string;
  as: "agent" | "customer" | "anonymous";
  needsConversation?: boolean;
}

const targets: Target[] = [
  {
    name: "PATCH /api/conversations/:id",
    handler: conversation.PATCH,
    method: "PATCH",
    as: "agent",
    needsConversation: true,
  },
  {
    name: "POST /api/conversations/:id/messages",
    handler: agentMessages.POST,
    method: "POST",
    as: "agent",
    needsConversation: true,
  },
  { name: "POST /api/portal/conversations", handler: portalConversations.POST, method: "POST", as: "customer" },
  {
    name: "POST /api/portal/conversations/:id/messages",
    handler: portalMessages.POST,
    method: "POST",
    as: "customer",
    needsConversation: true,
  },
  { name: "POST /api/portal/signup", handler: signup.POST, method: "POST", as: "anonymous" },
];

describe.each(targets)("$name", (t) => {
  it.each(MALFORMED)("answers %s with a 400 JSON error and stores nothing", async (label, body) => {
    const { user, customer } = await createCustomerUser();
    const agent = await createAgent();
    const c = await ingest(db(), { channel: "portal", from: { customerId: customer.id }, body: "first" });
    const cookie =
      t.as === "agent" ? await sessionCookie(agent.id) : t.as === "customer" ? await sessionCookie(user.id) : undefined;
    const before = {
      messages: await db().message.count(),
      users: await db().user.count(),
      events: await db().auditEvent.count(),
    };
    const res = await call(t.handler, {
      method: t.method,
      cookie,
      params: t.needsConversation ? { id: String(c.conversationId) } : undefined,
      body,
    });
    expect(res.status, res.text).toBe(400);
    expect(res.json.error).toEqual(
      expect.objectContaining({
        code:
          label === "bytes that are not UTF-8"
            ? "invalid_body"
            : expect.stringMatching(/^(invalid_json|validation_failed)$/),
        message: expect.any(String),
      }),
    );
    expect(await db().message.count()).toBe(before.messages);
    expect(await db().user.count()).toBe(before.users);
    expect(await db().auditEvent.count()).toBe(before.events);
  });
});

describe("next-auth's endpoints", () => {
  // (Sign-in forms themselves go through next-auth, which needs Next's request scope: the journeys cover them.)
  it("refuse a body over the limit with 413 before next-auth reads it", async () => {
    const post = (body: string, path: string, nextauth: string[]) =>
      nextAuth.POST(
        new Request(`http://localhost${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
        { params: Promise.resolve({ nextauth }) },
      );
    const huge = await post(`csrfToken=${"x".repeat(1_000_000)}`, "/api/auth/callback/credentials", [
      "callback",
      "credentials",
    ]);
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
  });
});
