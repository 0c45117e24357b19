// Routing, assignment, SLA timers and auto-acknowledgement through the real
// ingest path and the outbox, on SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { createDb, databaseProvider, db, type Db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { drainJobs } from "@/lib/jobs/job-runner";
import { touchPresence } from "@/lib/realtime/presence";
import { createAgent } from "@/tests/helpers/factories";
import { assignWaiting } from "./auto-assign";
import { type AutomationConfig, DEFAULT_AUTOMATION, saveAutomation } from "./config";
import { SLA_JOB, slaHandlers } from "./sla-clock";

const escalation = { secret: process.env.NEXTAUTH_SECRET!, baseUrl: "https://desk.example.test" };
const others: Db[] = [];
afterEach(async () => {
  await Promise.all(others.splice(0).map((o) => o.$disconnect()));
});

async function setup(patch: Partial<AutomationConfig> = {}) {
  const admin = await createAgent({ role: "admin", name: "Ada Admin" });
  const [alice, bob] = [await createAgent({ name: "Alice" }), await createAgent({ name: "Bob" })];
  const team = await db().team.create({
    data: { name: `Billing ${Math.random()}`, members: { create: [{ userId: alice.id }, { userId: bob.id }] } },
  });
  const cfg = await saveAutomation(
    db(),
    {
      rules: [
        {
          id: "billing",
          name: "Billing words",
          enabled: true,
          trigger: "conversation.created",
          conditions: { keywords: ["invoice", "refund"] },
          actions: { teamId: team.id, priority: "high", tags: ["billing"] },
          stop: false,
        },
      ],
      sla: {
        businessHours: DEFAULT_AUTOMATION.sla.businessHours,
        warnMinutes: 30,
        policies: [
          {
            id: "fast",
            name: "High priority",
            match: { priorities: ["high", "urgent"] },
            firstResponseMinutes: 60,
            nextResponseMinutes: 30,
            resolutionMinutes: 24 * 60,
            escalation: { raisePriority: true, notify: true },
          },
        ],
      },
      assignment: { teams: { [team.id]: { mode: "round_robin", capacity: 2 } }, reassignAfterOfflineMinutes: null },
      autoAck: { ...DEFAULT_AUTOMATION.autoAck, enabled: true },
      ...patch,
    },
    admin.id,
  );
  return { admin, alice, bob, team, cfg };
}

const sms = (from: string, body: string, receivedAt?: Date) =>
  ingest(db(), {
    channel: "sms",
    providerId: `SM${Math.random().toString(36).slice(2)}`,
    from: { identity: { kind: "phone", value: from } },
    body,
    receivedAt,
  });

describe("routing, assignment and auto-acknowledgement", () => {
  it("routes a new SMS by keyword, assigns it round-robin to an online agent, starts the SLA clock and acknowledges it", async () => {
    const { alice, bob, team } = await setup();
    await touchPresence(db(), alice.id);
    await touchPresence(db(), bob.id);
    const r = await sms("+14155550101", "Where is my invoice for October?");
    const c = await db().conversation.findUniqueOrThrow({
      where: { id: r.conversationId },
      include: { tags: true, messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(c).toMatchObject({ teamId: team.id, priority: "high", slaPolicyId: "fast", firstResponseAt: null });
    expect([alice.id, bob.id]).toContain(c.assigneeId);
    expect(c.tags.map((t) => t.tag)).toEqual(["billing"]);
    expect(c.firstResponseDueAt!.getTime() - c.createdAt.getTime()).toBe(60 * 60_000);
    expect(c.slaDueAt).toEqual(c.firstResponseDueAt);
    // The acknowledgement goes out by SMS with the reference and the expected time, as an automated message
    const ack = c.messages.find((m) => m.direction === "outbound")!;
    expect(ack).toMatchObject({ channel: "sms", automated: true, deliveryStatus: "queued", authorUserId: null });
    expect(ack.body).toBe(`Thanks, we received your message (#${c.id}). We usually answer within 1 hour.`);
    const jobs = await db().outboxJob.findMany({ where: { kind: SLA_JOB } });
    expect(jobs.map((j) => JSON.parse(j.payload).target).sort()).toEqual(["first_response", "resolution"]);
    const actions = (await db().auditEvent.findMany({ where: { conversationId: c.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["conversation.routed", "conversation.assigned", "message.sent"]));

    // The next conversation goes to the other agent (round-robin)
    const second = await sms("+14155550102", "refund please");
    const c2 = await db().conversation.findUniqueOrThrow({ where: { id: second.conversationId } });
    expect(c2.assigneeId).not.toBe(c.assigneeId);
    expect([alice.id, bob.id]).toContain(c2.assigneeId);
  });

  it("never answers or routes machines' mail, and doesn't acknowledge a customer's second message", async () => {
    await setup();
    const auto = await ingest(db(), {
      channel: "email",
      providerId: "<ooo@example.com>",
      from: { identity: { kind: "email", value: "ooo@example.com" } },
      subject: "Out of office: invoice",
      body: "I am away",
      automated: true,
    });
    const c = await db().conversation.findUniqueOrThrow({
      where: { id: auto.conversationId },
      include: { messages: true },
    });
    expect(c.teamId).toBeNull();
    expect(c.messages.filter((m) => m.direction === "outbound")).toEqual([]);

    const first = await sms("+14155550103", "hello");
    await sms("+14155550103", "anyone?");
    const outbound = await db().message.count({
      where: { conversationId: first.conversationId, direction: "outbound" },
    });
    expect(outbound).toBe(1);
  });

  it("keeps conversations waiting when nobody is online or everyone is at capacity, and assigns them when room frees up", async () => {
    const { alice, bob, admin } = await setup();
    const first = await sms("+14155550104", "invoice 1");
    expect((await db().conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).assigneeId).toBeNull();
    // Alice comes online: the worker's pass hands her waiting conversations, up to her capacity of 2
    await touchPresence(db(), alice.id);
    const more = [await sms("+14155550105", "invoice 2"), await sms("+14155550106", "invoice 3")];
    const owners = async () =>
      (
        await db().conversation.findMany({
          where: { id: { in: [first, ...more].map((r) => r.conversationId) } },
          orderBy: { id: "asc" },
        })
      ).map((c) => c.assigneeId);
    await assignWaiting(db());
    expect(await owners()).toEqual([alice.id, alice.id, null]);
    // Solving one frees room: the third is assigned on the next pass
    await updateConversation(db(), first.conversationId, alice.id, { status: "solved" });
    await assignWaiting(db());
    expect(await owners()).toEqual([alice.id, alice.id, alice.id]);
    // Bob offline for long with reassignment configured: his conversations go back to the team
    const cfg = await saveAutomation(
      db(),
      {
        assignment: {
          teams: Object.fromEntries(
            Object.entries((await setupTeams()).teams).map(([k, v]) => [k, { ...v, capacity: 5 }]),
          ),
          reassignAfterOfflineMinutes: 5,
        },
      },
      admin.id,
    );
    expect(cfg.assignment.reassignAfterOfflineMinutes).toBe(5);
    await db().conversation.update({ where: { id: more[1]!.conversationId }, data: { assigneeId: bob.id } });
    await touchPresence(db(), bob.id, new Date(Date.now() - 10 * 60_000));
    await assignWaiting(db());
    expect((await owners())[2]).toBe(alice.id);
    const released = await db().auditEvent.findFirst({
      where: { conversationId: more[1]!.conversationId, action: "conversation.assigned" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(released!.data)).toMatchObject({ to: alice.id, by: "auto" });
  });

  it("refuses settings that name a team or agent that doesn't exist", async () => {
    const { admin } = await setup();
    await expect(
      saveAutomation(
        db(),
        { assignment: { teams: { nope: { mode: "least_open", capacity: 3 } }, reassignAfterOfflineMinutes: null } },
        admin.id,
      ),
    ).rejects.toMatchObject({ status: 400, code: "invalid_team" });
  });
});

async function setupTeams() {
  const { loadAutomation } = await import("./config");
  return (await loadAutomation(db())).assignment;
}

describe("SLA timers", () => {
  it("a met target never breaches; the agent's reply stops the first-response clock and the customer's next message starts the next-response clock", async () => {
    const { alice } = await setup();
    const r = await sms("+14155550107", "invoice missing");
    await reply(db(), r.conversationId, alice.id, { body: "On it" });
    let c = await db().conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(c.firstResponseDueAt).toBeNull();
    expect(c.nextResponseDueAt).toBeNull();
    await sms("+14155550107", "thanks, and the other one?");
    c = await db().conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(c.nextResponseDueAt).not.toBeNull();
    expect(c.slaDueAt).toEqual(c.nextResponseDueAt);
    // Run every timer now, as if their time had come: the first-response one finds its target met
    await db().outboxJob.updateMany({ where: { kind: SLA_JOB }, data: { runAt: new Date(0) } });
    await drainJobs(db(), slaHandlers(escalation));
    const breaches = await db().slaBreach.findMany({ where: { conversationId: r.conversationId } });
    expect(breaches).toEqual([]);
    // Solved: every clock stops
    await updateConversation(db(), r.conversationId, alice.id, { status: "solved" });
    c = await db().conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect([c.firstResponseDueAt, c.nextResponseDueAt, c.resolutionDueAt, c.slaDueAt]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("escalates a breach once: records it, raises the priority, notifies the assignee — and a timer run twice does nothing more", async () => {
    const { alice } = await setup();
    await touchPresence(db(), alice.id);
    // Arrived 61 minutes ago: the one-hour first-response target is already missed
    const r = await sms("+14155550108", "refund now", new Date(Date.now() - 61 * 60_000));
    expect((await drainJobs(db(), slaHandlers(escalation))).processed).toBe(1);
    const c = await db().conversation.findUniqueOrThrow({
      where: { id: r.conversationId },
      include: { breaches: true },
    });
    expect(c.priority).toBe("urgent");
    expect(c.breaches).toMatchObject([{ target: "first_response", policyId: "fast" }]);
    const mail = await db().outboxJob.findMany({ where: { kind: "mail" } });
    expect(mail).toHaveLength(1);
    const events = await db().auditEvent.findMany({ where: { conversationId: c.id, action: "sla.breached" } });
    expect(events).toHaveLength(1);
    // The same timer again (a retry after a crash) finds the breach and stops
    const job = await db().outboxJob.findFirstOrThrow({ where: { kind: SLA_JOB, status: "done" } });
    await db().outboxJob.create({ data: { kind: SLA_JOB, payload: job.payload } });
    expect((await drainJobs(db(), slaHandlers(escalation))).processed).toBe(1);
    expect(await db().slaBreach.count()).toBe(1);
    expect(await db().outboxJob.count({ where: { kind: "mail" } })).toBe(1);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: c.id } })).priority).toBe("urgent");
  });

  it("survives a restart: a timer claimed by a worker that died runs when its lease ends", async () => {
    await setup();
    const r = await sms("+14155550109", "invoice?", new Date(Date.now() - 2 * 60 * 60_000));
    // A worker claimed the job and died: running, lease expired a moment ago
    await db().outboxJob.updateMany({
      where: { kind: SLA_JOB, payload: { contains: "first_response" } },
      data: { status: "running", lockedUntil: new Date(Date.now() - 1_000), attempts: 1 },
    });
    await drainJobs(db(), slaHandlers(escalation));
    expect(await db().slaBreach.count({ where: { conversationId: r.conversationId } })).toBe(1);
  });

  it(`runs each timer exactly once when two instances drain together (${
    databaseProvider() === "postgres" ? "FOR UPDATE SKIP LOCKED" : "conditional claim"
  })`, async () => {
    await setup();
    const past = new Date(Date.now() - 3 * 60 * 60_000);
    const ids: number[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await sms(`+1415555${String(2000 + i)}`, `invoice ${i}`, past)).conversationId);
    const instanceB = createDb(process.env.DATABASE_URL!);
    others.push(instanceB);
    const [a, b] = await Promise.all([
      drainJobs(db(), slaHandlers(escalation)),
      drainJobs(instanceB, slaHandlers(escalation)),
    ]);
    // 20 first-response timers are due (resolution ones are a day away); each ran on one instance only
    expect(a.processed + b.processed).toBe(20);
    // On PostgreSQL both really work at once; SQLite serialises writers, so one may take them all.
    if (databaseProvider() === "postgres") expect(Math.min(a.processed, b.processed)).toBeGreaterThan(0);
    expect(await db().slaBreach.count()).toBe(20);
    expect(await db().auditEvent.count({ where: { action: "sla.breached" } })).toBe(20);
    const jobs = await db().outboxJob.findMany({ where: { kind: SLA_JOB, status: "done" } });
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
  });
});
