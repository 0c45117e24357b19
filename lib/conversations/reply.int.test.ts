import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAgent } from "@/tests/helpers/factories";
import { ingest } from "./ingest";
import { reply } from "./reply";
import { updateConversation } from "./update-conversation";

async function smsConversation() {
  return ingest(db(), {
    channel: "sms",
    providerId: `SM${Math.random()}`,
    from: { identity: { kind: "phone", value: "+14155550123" } },
    body: "Help",
  });
}

describe("reply", () => {
  it("stores a customer-visible reply as queued with its outbox job, on the customer's last channel", async () => {
    const agent = await createAgent();
    const { conversationId } = await smsConversation();
    const r = await reply(db(), conversationId, agent.id, { body: "On it" });
    expect(r).toMatchObject({ channel: "sms", internal: false });
    const message = await db().message.findUniqueOrThrow({ where: { id: r.messageId } });
    expect(message).toMatchObject({ direction: "outbound", deliveryStatus: "queued", authorUserId: agent.id });
    const jobs = await db().outboxJob.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: "deliver", status: "pending", messageId: r.messageId });
    const c = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(c.status).toBe("open");
    expect(c.firstResponseAt).not.toBeNull();
  });

  it("an internal note gets no outbox job and does not count as a first response", async () => {
    const agent = await createAgent();
    const { conversationId } = await smsConversation();
    const r = await reply(db(), conversationId, agent.id, { body: "Customer is VIP", internal: true });
    expect(await db().message.findUniqueOrThrow({ where: { id: r.messageId } })).toMatchObject({
      direction: "note",
      deliveryStatus: "internal",
    });
    expect(await db().outboxJob.count()).toBe(0);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      status: "new",
      firstResponseAt: null,
    });
  });

  it("refuses replies on a closed conversation and by voice, but takes notes", async () => {
    const agent = await createAgent();
    const { conversationId } = await smsConversation();
    await expect(reply(db(), conversationId, agent.id, { body: "x", channel: "voice" })).rejects.toMatchObject({
      code: "channel_not_replyable",
    });
    await db().conversation.update({ where: { id: conversationId }, data: { status: "closed" } });
    await expect(reply(db(), conversationId, agent.id, { body: "x" })).rejects.toMatchObject({ status: 409 });
    await expect(reply(db(), conversationId, agent.id, { body: "noted", internal: true })).resolves.toMatchObject({
      internal: true,
    });
    expect(await db().outboxJob.count()).toBe(0);
  });

  it("a missing conversation is a 404", async () => {
    const agent = await createAgent();
    await expect(reply(db(), 999_999, agent.id, { body: "x" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("updateConversation", () => {
  it("assigns, changes status and priority, leaving one audit event per change", async () => {
    const agent = await createAgent();
    const team = await db().team.create({ data: { name: "Billing" } });
    const { conversationId } = await smsConversation();
    await updateConversation(db(), conversationId, agent.id, {
      assigneeId: agent.id,
      teamId: team.id,
      priority: "high",
      status: "solved",
    });
    const c = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(c).toMatchObject({ assigneeId: agent.id, teamId: team.id, priority: "high", status: "solved" });
    expect(c.resolvedAt).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { conversationId, actorUserId: agent.id } });
    expect(events.map((e) => e.action).sort()).toEqual([
      "conversation.assigned",
      "conversation.priority_changed",
      "conversation.status_changed",
      "conversation.team_changed",
    ]);
    expect(JSON.parse(events.find((e) => e.action === "conversation.priority_changed")!.data)).toEqual({
      from: "normal",
      to: "high",
    });

    await updateConversation(db(), conversationId, agent.id, { status: "open", assigneeId: null });
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      status: "open",
      resolvedAt: null,
      assigneeId: null,
    });
  });

  it("an unchanged value records nothing; customers and unknown teams are refused", async () => {
    const agent = await createAgent();
    const { conversationId } = await smsConversation();
    await updateConversation(db(), conversationId, agent.id, { priority: "normal" });
    expect(await db().auditEvent.count({ where: { actorUserId: agent.id } })).toBe(0);
    const customerUser = await db().user.create({ data: { email: "c@x.test", name: "C", role: "customer" } });
    await expect(
      updateConversation(db(), conversationId, agent.id, { assigneeId: customerUser.id }),
    ).rejects.toMatchObject({ code: "invalid_assignee" });
    await expect(updateConversation(db(), conversationId, agent.id, { teamId: "nope" })).rejects.toMatchObject({
      code: "invalid_team",
    });
  });
});
