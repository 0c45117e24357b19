import { describe, expect, it } from "vitest";
import * as notifications from "@/app/api/notifications/route";
import * as read from "@/app/api/notifications/read/route";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { autoAssign } from "@/lib/automation/auto-assign";
import { DEFAULT_AUTOMATION, type AutomationConfig } from "@/lib/automation/config";
import { db } from "@/lib/db/client";
import { touchPresence } from "@/lib/realtime/presence";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";

const sms = (n: string, body = "hello") =>
  ingest(db(), {
    channel: "sms",
    providerId: `SM${Math.random().toString(36).slice(2)}`,
    from: { identity: { kind: "phone", value: `+1415555${n}` } },
    body,
  });

async function inbox(userId: string) {
  const r = await call(notifications.GET, { cookie: await sessionCookie(userId) });
  expect(r.status).toBe(200);
  return r.json as {
    unread: number;
    items: Array<{ id: string; kind: string; conversationId: number; actor: string | null }>;
  };
}

describe("notifications", () => {
  it("tell an agent who assigned them, who mentioned them in a note, and that their customer answered — never about their own doing", async () => {
    const sam = await createAgent({ name: "Sam Support" });
    const ada = await createAgent({ name: "Ada Admin", role: "admin" });
    const c = await sms("2001");

    await updateConversation(db(), c.conversationId, ada.id, { assigneeId: sam.id });
    await updateConversation(db(), c.conversationId, ada.id, { assigneeId: ada.id }); // her own doing: nothing
    await updateConversation(db(), c.conversationId, sam.id, { assigneeId: sam.id }); // his own doing: nothing
    await reply(db(), c.conversationId, ada.id, { body: "@sam support can you check? @Nobody Here", internal: true });
    await reply(db(), c.conversationId, ada.id, { body: "@Sam Supporting is not Sam", internal: true });
    await sms("2001", "any news?");
    await sms("2001", "and another thing");

    const sams = await inbox(sam.id);
    expect(sams.items.map((n) => [n.kind, n.actor])).toEqual([
      ["customer_replied", null],
      ["customer_replied", null],
      ["mentioned", "Ada Admin"],
      ["assigned", "Ada Admin"],
    ]);
    expect(sams.unread).toBe(4);
    expect((await inbox(ada.id)).items).toEqual([]);

    const one = sams.items.at(-1)!.id;
    expect(
      (await call(read.POST, { method: "POST", cookie: await sessionCookie(sam.id), body: { ids: [one] } })).json,
    ).toEqual({ marked: 1 });
    expect((await inbox(sam.id)).unread).toBe(3);
    // Someone else's notifications can't be marked.
    await call(read.POST, { method: "POST", cookie: await sessionCookie(ada.id), body: { all: true } });
    expect((await inbox(sam.id)).unread).toBe(3);
    await call(read.POST, { method: "POST", cookie: await sessionCookie(sam.id), body: { all: true } });
    expect((await inbox(sam.id)).unread).toBe(0);
  });

  it("tell the agent auto-assignment chose", async () => {
    const sam = await createAgent({ name: "Sam Support" });
    const team = await db().team.create({ data: { name: "Texts", members: { create: { userId: sam.id } } } });
    await touchPresence(db(), sam.id);
    const cfg: AutomationConfig = {
      ...DEFAULT_AUTOMATION,
      assignment: { teams: { [team.id]: { mode: "round_robin", capacity: 5 } }, reassignAfterOfflineMinutes: null },
    };
    const c = await sms("2002");
    await db().conversation.update({ where: { id: c.conversationId }, data: { teamId: team.id } });
    const chosen = await db().$transaction((tx) => autoAssign(tx, c.conversationId, team.id, cfg, new Date()));
    expect(chosen).toBe(sam.id);
    expect((await inbox(sam.id)).items.map((n) => [n.kind, n.actor])).toEqual([["assigned", null]]);
  });
});
