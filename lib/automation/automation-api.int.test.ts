// The admin API for automation settings and the inbox's SLA view, through the route handlers.
import { describe, expect, it } from "vitest";
import * as automation from "@/app/api/admin/automation/route";
import * as conversations from "@/app/api/conversations/route";
import * as conversation from "@/app/api/conversations/[id]/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { DEFAULT_AUTOMATION } from "./config";

async function admin() {
  const user = await createAgent({ role: "admin" });
  return { user, cookie: await sessionCookie(user.id) };
}

const policy = (id: string, priorities: string[], firstResponseMinutes: number) => ({
  id,
  name: id,
  match: { priorities },
  firstResponseMinutes,
});

describe("automation settings API", () => {
  it("reads defaults, saves one part without touching the others, and lists teams and agents to pick from", async () => {
    const { cookie } = await admin();
    const team = await db().team.create({ data: { name: "Escalations" } });
    const before = await call(automation.GET, { cookie });
    expect(before.status).toBe(200);
    expect(before.json.config).toEqual(DEFAULT_AUTOMATION);
    expect(before.json.teams).toEqual([{ id: team.id, name: "Escalations" }]);

    const rule = { id: "r1", name: "VIP", conditions: { customer: "@vip.test" }, actions: { priority: "urgent" } };
    const saved = await call(automation.PUT, { method: "PUT", cookie, body: { config: { rules: [rule] } } });
    expect(saved.status).toBe(200);
    expect(saved.json.config.rules).toEqual([{ ...rule, enabled: true, trigger: "conversation.created", stop: false }]);
    expect(saved.json.config.sla).toEqual(DEFAULT_AUTOMATION.sla);
    expect(await db().auditEvent.count({ where: { action: "settings.updated" } })).toBe(1);
  });

  it("answers bad settings with 400 and the field, and stores nothing", async () => {
    const { cookie } = await admin();
    const bad = await call(automation.PUT, {
      method: "PUT",
      cookie,
      body: {
        config: {
          sla: {
            businessHours: { timeZone: "Mars/Olympus", weekly: {} },
            policies: [],
          },
        },
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error.details)).toContain("Unknown time zone");
    const unknownAgent = await call(automation.PUT, {
      method: "PUT",
      cookie,
      body: { config: { rules: [{ id: "x", name: "x", actions: { assigneeId: "nobody" } }] } },
    });
    expect(unknownAgent.status).toBe(400);
    expect(unknownAgent.json.error.code).toBe("invalid_assignee");
    expect(await db().setting.count()).toBe(0);
  });
});

describe("the inbox's SLA view", () => {
  it("sorts by due time soonest first with a cursor that neither skips nor repeats, and filters by tag", async () => {
    const { cookie } = await admin();
    await call(automation.PUT, {
      method: "PUT",
      cookie,
      body: {
        config: {
          sla: {
            businessHours: DEFAULT_AUTOMATION.sla.businessHours,
            warnMinutes: 15,
            policies: [policy("urgent", ["urgent"], 10), policy("rest", ["low", "normal", "high"], 600)],
          },
          rules: [{ id: "t", name: "tag", conditions: { keywords: ["refund"] }, actions: { tags: ["money"] } }],
        },
      },
    });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ingest(db(), {
        channel: "portal",
        from: { identity: { kind: "email", value: `p${i}@example.test` } },
        body: i % 2 ? "refund please" : "hello",
      });
      ids.push(r.conversationId);
    }
    const patch = (id: number, body: object) =>
      call(conversation.PATCH, { method: "PATCH", cookie, params: { id: String(id) }, body });
    // The last one becomes urgent: its 10-minute target is due first
    expect((await patch(ids[4]!, { priority: "urgent" })).status).toBe(200);
    // One solved: its clock stops and it leaves the due view
    expect((await patch(ids[0]!, { status: "solved" })).status).toBe(200);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(conversations.GET, {
        cookie,
        path: `/api/conversations?sort=due&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      });
      expect(page.status).toBe(200);
      expect(page.json.slaWarnMinutes).toBe(15);
      seen.push(...page.json.items.map((c: { id: number }) => c.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[4], ids[1], ids[2], ids[3]]);

    const tagged = await call(conversations.GET, { cookie, path: "/api/conversations?tag=Money" });
    expect(tagged.json.items.map((c: { id: number }) => c.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect(tagged.json.items[0].tags).toEqual(["money"]);
  });
});

describe("custom statuses and tags", () => {
  it("sets an admin's status (its category becomes the status), filters by it, and a plain status clears it", async () => {
    const { cookie } = await admin();
    await call(automation.PUT, {
      method: "PUT",
      cookie,
      body: { config: { statuses: [{ id: "eng", name: "Waiting on engineering", category: "pending" }] } },
    });
    const r = await ingest(db(), {
      channel: "portal",
      from: { identity: { kind: "email", value: "s@example.test" } },
      body: "bug",
    });
    const patch = (body: object) =>
      call(conversation.PATCH, { method: "PATCH", cookie, params: { id: String(r.conversationId) }, body });
    expect((await patch({ customStatus: "eng" })).status).toBe(200);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: r.conversationId } })).toMatchObject({
      status: "pending",
      customStatus: "eng",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "conversation.status_changed" } });
    expect(JSON.parse(event.data)).toEqual({ from: "new", to: "pending", custom: "Waiting on engineering" });
    const listed = await call(conversations.GET, { cookie, path: "/api/conversations?customStatus=eng" });
    expect(listed.json.items.map((c: { id: number; customStatus: string }) => [c.id, c.customStatus])).toEqual([
      [r.conversationId, "eng"],
    ]);
    expect((await patch({ customStatus: "nope" })).json.error.code).toBe("invalid_status");
    expect((await patch({ status: "open" })).status).toBe(200);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: r.conversationId } })).toMatchObject({
      status: "open",
      customStatus: null,
    });
  });

  it("replaces a conversation's tags, normalised, and records the change once", async () => {
    const { cookie } = await admin();
    const r = await ingest(db(), {
      channel: "portal",
      from: { identity: { kind: "email", value: "t@example.test" } },
      body: "x",
    });
    const patch = (tags: string[]) =>
      call(conversation.PATCH, { method: "PATCH", cookie, params: { id: String(r.conversationId) }, body: { tags } });
    expect((await patch(["VIP", " refund ", "vip"])).status).toBe(200);
    expect((await patch(["refund", "vip"])).status).toBe(200); // the same set: nothing to record
    expect((await patch(["refund"])).status).toBe(200);
    const tags = await db().conversationTag.findMany({ where: { conversationId: r.conversationId } });
    expect(tags.map((t) => t.tag)).toEqual(["refund"]);
    const events = await db().auditEvent.findMany({
      where: { action: "conversation.tags_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => JSON.parse(e.data))).toEqual([
      { from: [], to: ["refund", "vip"] },
      { from: ["refund", "vip"], to: ["refund"] },
    ]);
    const bad = await patch(["<script>"]);
    expect(bad.status).toBe(400);
  });
});
