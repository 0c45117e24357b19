// The customer's whole story through the API: adding and editing customers,
// their identities and attributes, and an agent starting a conversation that
// the customer's answer threads back into.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import * as attributes from "@/app/api/customers/attributes/route";
import * as conversations from "@/app/api/conversations/route";
import * as customers from "@/app/api/customers/route";
import * as customer from "@/app/api/customers/[id]/route";
import * as identities from "@/app/api/customers/[id]/identities/route";
import * as identity from "@/app/api/customers/[id]/identities/[identityId]/route";
import { drainOutbox } from "@/lib/channels/delivery";
import { acceptRawEmail } from "@/lib/channels/email/accept";
import { smtpEmailTransport } from "@/lib/channels/email/smtp-transport";
import { ingest } from "@/lib/conversations/ingest";
import { db } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/job-runner";
import { inboundHandlers } from "@/lib/runtime/inbound-handlers";
import { blobStore } from "@/lib/storage/store";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { startSmtpSink } from "@/tests/helpers/smtp-sink";

const SECRET = process.env.NEXTAUTH_SECRET!;

async function newCustomer(cookie: string, body: object) {
  const r = await call(customers.POST, { method: "POST", cookie, body });
  return r;
}

describe("customers API", () => {
  it("adds a customer with identities, edits them with validation and audit, and refuses another customer's address", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const created = await newCustomer(cookie, {
      name: "Dana Diaz",
      company: "Acme",
      identities: [
        { kind: "email", value: "Dana@Acme.example" },
        { kind: "phone", value: "+1 (415) 555-0123" },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const story = (await call(customer.GET, { params: { id }, cookie })).json;
    expect(story.identities.map((i: { kind: string; value: string }) => [i.kind, i.value])).toEqual([
      ["email", "dana@acme.example"],
      ["phone", "+14155550123"],
    ]);

    const badEmail = await call(identities.POST, {
      method: "POST",
      cookie,
      params: { id },
      body: { kind: "email", value: "not an address" },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.message).toBe('"not an address" is not an email address');
    const other = await newCustomer(cookie, { name: "Other", identities: [{ kind: "email", value: "o@x.example" }] });
    const taken = await call(identities.POST, {
      method: "POST",
      cookie,
      params: { id },
      body: { kind: "email", value: "O@x.example" },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe("identity_taken");
    expect(other.status).toBe(201);

    const added = await call(identities.POST, {
      method: "POST",
      cookie,
      params: { id },
      body: { kind: "email", value: "dana@home.example" },
    });
    expect(added.status).toBe(201);
    const changed = await call(identity.PATCH, {
      method: "PATCH",
      cookie,
      params: { id, identityId: added.json.id },
      body: { value: "dana.diaz@home.example" },
    });
    expect(changed.status).toBe(200);
    const removed = await call(identity.DELETE, {
      method: "DELETE",
      cookie,
      params: { id, identityId: added.json.id },
    });
    expect(removed.status).toBe(200);
    const actions = (await db().auditEvent.findMany({ where: { action: { startsWith: "customer." } } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual([
      "customer.created",
      "customer.created",
      "customer.identity_added",
      "customer.identity_changed",
      "customer.identity_removed",
    ]);
    // Another customer's identity can't be reached through this one.
    const foreign = await db().identity.findFirstOrThrow({ where: { value: "o@x.example" } });
    expect(
      (await call(identity.DELETE, { method: "DELETE", cookie, params: { id, identityId: foreign.id } })).status,
    ).toBe(404);
  });

  it("keeps typed custom attributes an admin defined, notes and company, refusing values of the wrong type in words", async () => {
    const admin = await createAgent({ role: "admin" });
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const defs = [
      { key: "plan", label: "Plan", type: "list", options: ["free", "pro"] },
      { key: "seats", label: "Seats", type: "number" },
      { key: "renewal", label: "Renewal", type: "date" },
      { key: "account_manager", label: "Account manager", type: "text" },
    ];
    expect((await call(attributes.PUT, { method: "PUT", cookie, body: { definitions: defs } })).status).toBe(403);
    const saved = await call(attributes.PUT, {
      method: "PUT",
      cookie: await sessionCookie(admin.id),
      body: { definitions: defs },
    });
    expect(saved.status).toBe(200);
    const badList = await call(attributes.PUT, {
      method: "PUT",
      cookie: await sessionCookie(admin.id),
      body: { definitions: [{ key: "tier", label: "Tier", type: "list" }] },
    });
    expect(badList.status).toBe(400);
    expect(JSON.stringify(badList.json)).toContain("A list needs at least one choice");

    const id = (await newCustomer(cookie, { name: "Eve" })).json.id;
    const patch = (body: object) => call(customer.PATCH, { method: "PATCH", cookie, params: { id }, body });
    const ok = await patch({
      company: "Initech",
      notes: "Prefers phone calls.",
      attributes: { plan: "pro", seats: 12, renewal: "2027-03-01" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      company: "Initech",
      notes: "Prefers phone calls.",
      attributes: { plan: "pro", seats: 12, renewal: "2027-03-01" },
    });
    const wrong = await patch({ attributes: { seats: "many" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toBe("Seats must be a number");
    expect((await patch({ attributes: { plan: "gold" } })).json.error.message).toBe("Plan must be one of: free, pro");
    expect((await patch({ attributes: { color: "red" } })).json.error.message).toBe('No attribute "color" is defined');
    const cleared = await patch({ attributes: { seats: null } });
    expect(cleared.json.attributes).toEqual({ plan: "pro", renewal: "2027-03-01" });
    const colleague = (await newCustomer(cookie, { name: "Frank", company: "Initech" })).json.id;
    expect(cleared.json.colleagues).toEqual([]);
    expect((await call(customer.GET, { params: { id }, cookie })).json.colleagues).toEqual([
      { id: colleague, name: "Frank" },
    ]);
  });

  it("shows every conversation on every channel and the CSAT history; a chat visitor by their pre-chat name, never a token", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const text = await ingest(db(), {
      channel: "sms",
      providerId: "SMstory",
      from: { identity: { kind: "phone", value: "+14155550177" } },
      body: "hi by sms",
    });
    const mail = await ingest(db(), {
      channel: "email",
      providerId: "<story@x>",
      from: { customerId: text.customerId },
      newConversation: true,
      subject: "By email",
      body: "hi by email",
    });
    await db().csatSurvey.create({
      data: {
        conversationId: mail.conversationId,
        customerId: text.customerId,
        channel: "email",
        tokenHash: "h",
        rating: 4,
        comment: "quick",
        answeredAt: new Date(),
      },
    });
    const story = (await call(customer.GET, { params: { id: text.customerId }, cookie })).json;
    expect(story.conversations.map((c: { channel: string }) => c.channel).sort()).toEqual(["email", "sms"]);
    expect(story.ratings).toMatchObject([{ conversationId: mail.conversationId, rating: 4, comment: "quick" }]);

    const visitor = await ingest(db(), {
      channel: "chat",
      from: { identity: { kind: "chat", value: "site1:visitorToken123" } },
      body: "hello from chat",
    });
    const v = (await call(customer.GET, { params: { id: visitor.customerId }, cookie })).json;
    expect(v.name).toBe("Website visitor");
    expect((await call(customer.GET, { params: { id: "nope" }, cookie })).json.error).toMatchObject({
      code: "not_found",
    });
  });
});

describe("starting a conversation", () => {
  it("writes to a customer by email; the answer threads back into the same conversation and reopens it", async () => {
    const sink = await startSmtpSink();
    try {
      const agent = await createAgent();
      const cookie = await sessionCookie(agent.id);
      const id = (await newCustomer(cookie, { name: "Gil", identities: [{ kind: "email", value: "gil@example.com" }] }))
        .json.id;
      const noSubject = await call(conversations.POST, {
        method: "POST",
        cookie,
        body: { customerId: id, channel: "email", body: "Hello" },
      });
      expect(noSubject.status).toBe(400);
      expect(JSON.stringify(noSubject.json)).toContain("Add a subject");
      const started = await call(conversations.POST, {
        method: "POST",
        cookie,
        body: { customerId: id, channel: "email", subject: "Your renewal", body: "Your plan renews next week." },
      });
      expect(started.status).toBe(201);
      const transports = {
        email: smtpEmailTransport(db(), {
          smtpUrl: sink.url,
          fromAddress: "support@omnidesk.localhost",
          fromName: "Support",
          replySecret: SECRET,
        }),
      };
      expect(await drainOutbox(db(), { transports })).toMatchObject({ delivered: 1 });
      const sent = await simpleParser(sink.received[0]!.raw);
      expect(sent.subject).toBe(`Your renewal [#${started.json.id}]`);
      expect(sent.to && "text" in sent.to ? sent.to.text : "").toContain("gil@example.com");

      // The customer answers from their mail client: In-Reply-To names our message.
      const store = blobStore();
      await acceptRawEmail(
        db(),
        store,
        Buffer.from(
          `From: Gil <gil@example.com>\r\nTo: support@omnidesk.localhost\r\nSubject: Re: Your renewal\r\nMessage-ID: <answer-1@example.com>\r\nIn-Reply-To: ${sent.messageId}\r\n\r\nThanks, noted.\r\n`,
        ),
        { envelopeTo: ["support@omnidesk.localhost"], source: "webhook" },
      );
      await drainJobs(db(), inboundHandlers);
      const c = await db().conversation.findUniqueOrThrow({
        where: { id: started.json.id },
        include: { messages: { orderBy: { createdAt: "asc" } } },
      });
      expect(c.messages.map((m) => [m.direction, m.body.trim()])).toEqual([
        ["outbound", "Your plan renews next week."],
        ["inbound", "Thanks, noted."],
      ]);
      expect(c.status).toBe("open");
      expect(c.assigneeId).toBe(agent.id);
      expect(await db().conversation.count()).toBe(1);
    } finally {
      await sink.close();
    }
  });

  it("writes by SMS, respecting an opt-out, and refuses a customer with no way to be reached — leaving nothing behind", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const id = (await newCustomer(cookie, { name: "Hal", identities: [{ kind: "phone", value: "+14155550142" }] })).json
      .id;
    const noEmail = await call(conversations.POST, {
      method: "POST",
      cookie,
      body: { customerId: id, channel: "email", subject: "x", body: "x" },
    });
    expect(noEmail.status).toBe(409);
    expect(noEmail.json.error.code).toBe("email_unreachable");
    const sms = await call(conversations.POST, {
      method: "POST",
      cookie,
      body: { customerId: id, channel: "sms", body: "Your order shipped." },
    });
    expect(sms.status).toBe(201);
    const answer = await ingest(db(), {
      channel: "sms",
      providerId: "SManswer",
      from: { identity: { kind: "phone", value: "+14155550142" } },
      body: "Great",
    });
    expect(answer.conversationId).toBe(sms.json.id);

    await db().identity.updateMany({ where: { customerId: id }, data: { optedOutAt: new Date() } });
    const optedOut = await call(conversations.POST, {
      method: "POST",
      cookie,
      body: { customerId: id, channel: "sms", body: "More news" },
    });
    expect(optedOut.status).toBe(409);
    expect(optedOut.json.error.message).toContain("opted out");
    expect(await db().conversation.count()).toBe(1);
  });
});
