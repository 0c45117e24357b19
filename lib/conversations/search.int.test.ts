import { describe, expect, it } from "vitest";
import * as conversations from "@/app/api/conversations/route";
import * as customers from "@/app/api/customers/route";
import * as portalConversations from "@/app/api/portal/conversations/route";
import { databaseProvider, db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { RECENT_MATCHES } from "@/lib/conversations/search";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";

const email = (from: string, subject: string, body: string, extra: object = {}) =>
  ingest(db(), {
    channel: "email",
    providerId: `<${Math.random()}@mail.test>`,
    from: { identity: { kind: "email", value: from }, name: from.split("@")[0] },
    newConversation: true,
    subject,
    body,
    ...extra,
  });

async function search(query: string, cookie: string) {
  const r = await call(conversations.GET, { path: `/api/conversations?${query}`, cookie });
  expect(r.status).toBe(200);
  return r.json as {
    items: Array<{
      id: number;
      subject: string;
      match: { in: string; snippet: Array<{ text: string; match: boolean }> };
    }>;
    nextCursor: string | null;
    total: number;
  };
}
const marked = (s: Array<{ text: string; match: boolean }>) => s.filter((p) => p.match).map((p) => p.text);

describe("search over all history", () => {
  it("finds a message by a word in its body, ranks a subject-and-body match first, and highlights the words", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const old = await email("ana@example.com", "Question", "My parcel with the blue teapot never arrived.", {
      receivedAt: new Date(Date.now() - 60 * 86_400_000),
    });
    const both = await email("bo@example.com", "Teapot broken", "The teapot arrived in pieces.");
    await email("cy@example.com", "Unrelated", "Nothing to see here.");

    const r = await search("q=teapot", cookie);
    expect(r.items.map((i) => i.id)).toEqual([both.conversationId, old.conversationId]);
    expect(r.total).toBe(2);
    const oldHit = r.items[1]!;
    expect(oldHit.match.in).toBe("message");
    expect(marked(oldHit.match.snippet)).toEqual(["teapot"]);
    expect(oldHit.match.snippet.map((p) => p.text).join("")).toContain("blue teapot never arrived");

    // Every word must be there; the last may be the start of a word (search as you type).
    expect((await search("q=blue%20teap", cookie)).items.map((i) => i.id)).toEqual([old.conversationId]);
    expect((await search("q=purple%20teapot", cookie)).items).toEqual([]);
  });

  it("ignores accents and case both ways", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const a = await email("zoe@example.com", "Commande", "Le café crème était froid.");
    const b = await email("yan@example.com", "Order", "CAFE order number two");
    const ids = (q: string) =>
      search(`q=${encodeURIComponent(q)}`, cookie).then((r) => r.items.map((i) => i.id).sort());
    expect(await ids("cafe")).toEqual([a.conversationId, b.conversationId].sort());
    expect(await ids("CAFÉ")).toEqual([a.conversationId, b.conversationId].sort());
    expect(await ids("etait")).toEqual([a.conversationId]);
    const hit = (await search("q=cafe%20creme", cookie)).items[0]!;
    expect(marked(hit.match.snippet)).toEqual(["café", "crème"]);
  });

  it("finds customers' conversations by part of a phone number or email address, and by name", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const text = await ingest(db(), {
      channel: "sms",
      providerId: "SMsearch1",
      from: { identity: { kind: "phone", value: "+1 415 555 0199" } },
      body: "hi",
    });
    const mail = await email("maria.lopez@bigcorp.example", "Hello", "hello", {});
    await email("other@example.com", "Hello", "hello");

    const byNumber = await search(`q=${encodeURIComponent("(555) 0199")}`, cookie);
    expect(byNumber.items.map((i) => i.id)).toEqual([text.conversationId]);
    expect(byNumber.items[0]!.match.in).toBe("customer");
    expect(marked(byNumber.items[0]!.match.snippet)).toEqual(["5550199"]);
    expect((await search("q=bigcorp", cookie)).items.map((i) => i.id)).toEqual([mail.conversationId]);
    expect((await search("q=maria.lo", cookie)).items.map((i) => i.id)).toEqual([mail.conversationId]);

    const found = await call(customers.GET, { path: "/api/customers?q=0199", cookie });
    expect(found.json.items).toHaveLength(1);
    expect(found.json.items[0].identities).toEqual([{ kind: "phone", value: "+14155550199" }]);
  });

  it("finds attachments by file name", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const c = await email("ivy@example.com", "Papers", "see attached", {
      attachments: [{ filename: "Invoice-2291.pdf", contentType: "application/pdf", size: 10, storageKey: "k1" }],
    });
    const r = await search("q=invoice", cookie);
    expect(r.items.map((i) => i.id)).toEqual([c.conversationId]);
    expect(r.items[0]!.match).toMatchObject({ in: "attachment" });
    expect(marked(r.items[0]!.match.snippet)).toEqual(["Invoice"]);
  });

  it("combines with a view's filters and pages with a cursor", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await email(`p${i}@example.com`, `Refund ${i}`, "refund please")).conversationId);
    await db().conversation.update({ where: { id: ids[0] }, data: { status: "solved" } });
    await db().conversation.update({ where: { id: ids[1] }, data: { assigneeId: agent.id } });

    expect((await search("q=refund&status=solved", cookie)).items.map((i) => i.id)).toEqual([ids[0]]);
    expect((await search("q=refund&assignee=me", cookie)).items.map((i) => i.id)).toEqual([ids[1]]);

    const first = await search("q=refund&limit=2", cookie);
    expect(first.total).toBe(5);
    const seen = first.items.map((i) => i.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await search(`q=refund&limit=2&cursor=${cursor}`, cookie);
      seen.push(...next.items.map((i) => i.id));
      cursor = next.nextCursor;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    const bad = await call(conversations.GET, { path: "/api/conversations?q=refund&cursor=nonsense", cookie });
    expect(bad.status).toBe(400);
  });

  it("shows a customer their own conversations only, and never internal notes", async () => {
    const agent = await createAgent();
    const me = await createCustomerUser("Pat Portal");
    const mine = await ingest(db(), {
      channel: "portal",
      from: { customerId: me.customer.id },
      newConversation: true,
      subject: "Printer",
      body: "The printer jams.",
    });
    await reply(db(), mine.conversationId, agent.id, { body: "secret escalation plan", internal: true });
    await email("stranger@example.com", "Printer too", "My printer jams as well.");
    const cookie = await sessionCookie(me.user.id);

    const r = await call(portalConversations.GET, { path: "/api/portal/conversations?q=printer", cookie });
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { id: number }) => i.id)).toEqual([mine.conversationId]);
    const notes = await call(portalConversations.GET, { path: "/api/portal/conversations?q=escalation", cookie });
    expect(notes.json.items).toEqual([]);
    // The agent's search does find notes.
    const agentCookie = await sessionCookie(agent.id);
    expect((await search("q=escalation", agentCookie)).items.map((i) => i.id)).toEqual([mine.conversationId]);
    // …and a customer can't use the agents' search at all.
    expect((await call(conversations.GET, { path: "/api/conversations?q=printer", cookie })).status).toBe(403);
  });

  it("finds a rare word however old, and ranks only the newest matches of a word that is everywhere", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const old = await email("old@example.com", "Ancient", "the quokka incident, long ago, also mentions parcels");
    const recent = await email("new@example.com", "Recent", "parcels again");
    await db().message.createMany({
      data: Array.from({ length: RECENT_MATCHES + 500 }, (_, i) => ({
        conversationId: recent.conversationId,
        direction: "inbound",
        channel: "email",
        body: `parcels update number ${i}`,
        deliveryStatus: "received",
      })),
    });
    expect((await search("q=quokka", cookie)).items.map((i) => i.id)).toEqual([old.conversationId]);
    const common = (await search("q=parcels", cookie)).items.map((i) => i.id);
    expect(common).toContain(recent.conversationId);
    expect(common).not.toContain(old.conversationId);
  });

  it("keeps the index in step with the rows: deleted conversations vanish, and the triggers survive every migration", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const c = await email("del@example.com", "Walrus", "walrus walrus");
    expect((await search("q=walrus", cookie)).items).toHaveLength(1);
    await db().conversation.delete({ where: { id: c.conversationId } });
    expect((await search("q=walrus", cookie)).items).toEqual([]);
    if (databaseProvider() === "sqlite") {
      const triggers = await db().$queryRawUnsafe<Array<{ name: string }>>(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name GLOB '*_fts_a?' OR name GLOB '*_trgm_a?')`,
      );
      expect(triggers).toHaveLength(15);
    }
  });
});
