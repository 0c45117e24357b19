import { describe, expect, it } from "vitest";
import * as views from "@/app/api/views/route";
import * as view from "@/app/api/views/[id]/route";
import * as bulk from "@/app/api/conversations/bulk/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";

const sms = (n: number, body = "hello") =>
  ingest(db(), {
    channel: "sms",
    providerId: `SMview${n}`,
    from: { identity: { kind: "phone", value: `+1415555${String(1000 + n)}` } },
    body,
  });

type View = { id: string; name: string; count: number; kind: string; editable?: boolean };
async function listViews(cookie: string): Promise<View[]> {
  const r = await call(views.GET, { path: "/api/views", cookie });
  expect(r.status).toBe(200);
  return r.json.views;
}
const countOf = (vs: View[], name: string) => vs.find((v) => v.name === name)?.count;

describe("inbox views", () => {
  it("counts the built-in views, each team and mentions of the viewer", async () => {
    const sam = await createAgent({ name: "Sam Support" });
    const cookie = await sessionCookie(sam.id);
    const team = await db().team.create({ data: { name: "Billing" } });
    const a = await sms(1);
    const b = await sms(2);
    await sms(3);
    await db().conversation.update({ where: { id: a.conversationId }, data: { assigneeId: sam.id, teamId: team.id } });
    await db().conversation.update({
      where: { id: b.conversationId },
      data: { slaDueAt: new Date(Date.now() - 60_000), teamId: team.id },
    });
    await reply(db(), b.conversationId, sam.id, { body: "@Sam Support can you look?", internal: true });

    const vs = await listViews(cookie);
    expect(vs.slice(0, 6).map((v) => [v.name, v.count])).toEqual([
      ["Unassigned", 2],
      ["Mine", 1],
      ["Mentions", 1],
      ["SLA at risk", 1],
      ["All open", 3],
      ["Billing", 2],
    ]);
  });

  it("saves personal and shared views, validates their filters in words, and lets only the owner (or an admin) change them", async () => {
    const owner = await createAgent();
    const other = await createAgent();
    const admin = await createAgent({ role: "admin" });
    const cookie = await sessionCookie(owner.id);
    await sms(1, "refund please");
    await sms(2, "thanks");

    const bad = await call(views.POST, {
      method: "POST",
      cookie,
      body: { name: "", filters: { channel: "fax", from: "yesterday" } },
    });
    expect(bad.status).toBe(400);
    const messages = JSON.stringify(bad.json.error);
    expect(messages).toContain("Give the view a name");
    expect(messages).toContain("Use a date like 2026-01-31");

    const personal = await call(views.POST, {
      method: "POST",
      cookie,
      body: { name: "My refunds", filters: { q: "refund" } },
    });
    expect(personal.status).toBe(201);
    const shared = await call(views.POST, {
      method: "POST",
      cookie,
      body: { name: "All SMS", shared: true, filters: { channel: "sms" } },
    });
    expect(countOf(await listViews(cookie), "My refunds")).toBe(1);
    expect(countOf(await listViews(cookie), "All SMS")).toBe(2);
    const othersView = await listViews(await sessionCookie(other.id));
    expect(othersView.map((v) => v.name)).toContain("All SMS");
    expect(othersView.map((v) => v.name)).not.toContain("My refunds");
    expect(othersView.find((v) => v.name === "All SMS")!.editable).toBe(false);

    const otherCookie = await sessionCookie(other.id);
    const params = { id: shared.json.id };
    expect((await call(view.PATCH, { method: "PATCH", cookie: otherCookie, params, body: { name: "x" } })).status).toBe(
      403,
    );
    expect(
      (await call(view.DELETE, { method: "DELETE", cookie: otherCookie, params: { id: personal.json.id } })).status,
    ).toBe(404);
    const renamed = await call(view.PATCH, {
      method: "PATCH",
      cookie: await sessionCookie(admin.id),
      params,
      body: { name: "Texts" },
    });
    expect(renamed.status).toBe(200);
    expect((await call(view.DELETE, { method: "DELETE", cookie, params })).status).toBe(200);
    expect((await listViews(cookie)).map((v) => v.name)).not.toContain("Texts");
    const audit = await db().auditEvent.findMany({ where: { action: { startsWith: "view." } } });
    expect(audit.map((e) => e.action).sort()).toEqual(["view.created", "view.created", "view.deleted"]);
  });
});

describe("bulk actions", () => {
  it("assigns, tags and sets status on many at once, one audit event per conversation and change, and says which failed", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await sms(i)).conversationId);
    const r = await call(bulk.POST, {
      method: "POST",
      cookie,
      body: { ids: [...ids, 99999], assigneeId: agent.id, status: "pending", addTags: ["vip"] },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ succeeded: 5, failed: 1 });
    expect(r.json.results.at(-1)).toEqual({
      id: 99999,
      ok: false,
      error: { code: "not_found", message: "Conversation not found" },
    });
    const rows = await db().conversation.findMany({ where: { id: { in: ids } }, include: { tags: true } });
    expect(rows.every((c) => c.assigneeId === agent.id && c.status === "pending")).toBe(true);
    expect(rows.every((c) => c.tags.map((t) => t.tag).join() === "vip")).toBe(true);
    const events = await db().auditEvent.findMany({
      where: { conversationId: { in: ids }, action: { in: ["conversation.assigned", "conversation.tags_changed"] } },
    });
    expect(events).toHaveLength(10);

    const removed = await call(bulk.POST, { method: "POST", cookie, body: { ids, removeTags: ["vip"] } });
    expect(removed.json.succeeded).toBe(5);
    expect(await db().conversationTag.count()).toBe(0);
  });

  it("merges a selection of one customer's conversations into one, refuses another customer's, and rejects an empty change", async () => {
    const cookie = await sessionCookie((await createAgent()).id);
    const first = await sms(1);
    const second = await ingest(db(), {
      channel: "sms",
      providerId: "SMview-second",
      from: { identity: { kind: "phone", value: "+14155551001" } },
      newConversation: true,
      body: "again",
    });
    const stranger = await sms(7);
    const r = await call(bulk.POST, {
      method: "POST",
      cookie,
      body: {
        ids: [first.conversationId, second.conversationId, stranger.conversationId],
        mergeInto: first.conversationId,
      },
    });
    expect(r.json).toMatchObject({ succeeded: 2, failed: 1 });
    expect(r.json.results[2].error.code).toBe("different_customers");
    expect((await db().conversation.findUniqueOrThrow({ where: { id: second.conversationId } })).mergedIntoId).toBe(
      first.conversationId,
    );
    const empty = await call(bulk.POST, { method: "POST", cookie, body: { ids: [first.conversationId] } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json)).toContain("Choose what to change");
  });
});
