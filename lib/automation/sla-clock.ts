// Keeps a conversation's SLA due times current and arms a durable timer (an
// outbox job) for each; when a timer fires on a target still unmet, the breach
// is recorded once and the policy's escalation runs.
import { z } from "zod";
import { type EventInput, recordEvents } from "../audit/record-event";
import type { Db, Prisma, Tx } from "../db/client";
import type { TChannel, TPriority, TStatus } from "../shared/vocabulary";
import { enqueueSystemMail } from "../system-mail/system-mail";
import type { JobHandler } from "../jobs/job-runner";
import { assignQueue } from "./auto-assign";
import { type AutomationConfig, loadAutomation, SLA_TARGETS, type SlaTarget } from "./config";
import { DUE_FIELD, dueTimes, pickPolicy, raisePriority } from "./sla";
import { count } from "../reports/counters";

export const SLA_JOB = "sla.due";
const ZSlaJob = z.object({ conversationId: z.number().int(), target: z.enum(SLA_TARGETS), dueAt: z.iso.datetime() });

/** What refreshSla reads of a conversation. */
export const SLA_FIELDS = {
  status: true,
  priority: true,
  teamId: true,
  channel: true,
  createdAt: true,
  firstResponseAt: true,
  firstResponseDueAt: true,
  nextResponseDueAt: true,
  resolutionDueAt: true,
  slaDueAt: true,
  slaPolicyId: true,
  assigneeId: true,
} as const satisfies Prisma.ConversationSelect;
export type SlaSnapshot = Prisma.ConversationGetPayload<{ select: typeof SLA_FIELDS }>;

/**
 * Recomputes the due times from the conversation as it is now; call it in the transaction of any change to it.
 * `current`: those fields as they are now, when the caller has just read or written them (saves the read).
 */
export async function refreshSla(tx: Tx, conversationId: number, cfg?: AutomationConfig, current?: SlaSnapshot) {
  cfg ??= await loadAutomation(tx);
  const c = current ?? (await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: SLA_FIELDS }));
  const policy = pickPolicy(cfg.sla.policies, {
    priority: c.priority as TPriority,
    teamId: c.teamId,
    channel: c.channel as TChannel,
  });
  const waiting =
    c.firstResponseAt && (policy?.nextResponseMinutes || c.nextResponseDueAt)
      ? await waitingSince(tx, conversationId)
      : null;
  const due = dueTimes(policy, cfg.sla.businessHours, {
    status: c.status as TStatus,
    createdAt: c.createdAt,
    firstResponseAt: c.firstResponseAt,
    waitingSince: waiting,
  });
  const same = (a: Date | null, b: Date | null) => a?.getTime() === b?.getTime();
  const targetsChanged = SLA_TARGETS.filter((t) => !same(due[DUE_FIELD[t]], c[DUE_FIELD[t]]));
  if (!targetsChanged.length && same(due.slaDueAt, c.slaDueAt) && (policy?.id ?? null) === c.slaPolicyId) return;
  await tx.conversation.update({ where: { id: conversationId }, data: { ...due, slaPolicyId: policy?.id ?? null } });
  // Targets this change fulfilled count as met, or as missed if their time had passed (and no timer said so yet).
  const now = new Date();
  const fulfilled: Record<SlaTarget, boolean> = {
    first_response: !!c.firstResponseAt,
    next_response: !!c.firstResponseAt && !waiting,
    resolution: c.status === "solved" || c.status === "closed",
  };
  const dims = { at: now, channel: c.channel, teamId: c.teamId, agentId: c.assigneeId };
  for (const target of targetsChanged) {
    const was = c[DUE_FIELD[target]];
    if (!was || due[DUE_FIELD[target]] || !fulfilled[target]) continue;
    if (now <= was) await count(tx, dims, { slaMet: 1 });
    else if (await recordBreach(tx, conversationId, target, was, c.slaPolicyId)) {
      await count(tx, dims, { slaBreached: 1 });
    }
  }
  // A timer is never cancelled: one whose due time is no longer the conversation's finds nothing to do.
  for (const target of targetsChanged) {
    const dueAt = due[DUE_FIELD[target]];
    if (!dueAt) continue;
    await tx.outboxJob.create({
      data: {
        kind: SLA_JOB,
        payload: JSON.stringify({ conversationId, target, dueAt: dueAt.toISOString() }),
        runAt: dueAt,
        // A past due time (a policy changed to a shorter one) fires at once.
      },
    });
  }
}

/** The customer's first message since the last answer a person gave, if they are waiting. */
async function waitingSince(tx: Tx, conversationId: number): Promise<Date | null> {
  const answered = await tx.message.findFirst({
    where: { conversationId, direction: "outbound", automated: false },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const waiting = await tx.message.findFirst({
    where: {
      conversationId,
      direction: "inbound",
      automated: false,
      ...(answered ? { createdAt: { gt: answered.createdAt } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return waiting?.createdAt ?? null;
}

export interface EscalationOptions {
  secret: string;
  baseUrl: string;
}

/** The outbox handler for SLA timers. */
export function slaHandlers(opts: EscalationOptions): Record<typeof SLA_JOB, JobHandler> {
  return {
    [SLA_JOB]: async (db: Db, payload: unknown) => {
      const job = ZSlaJob.parse(payload);
      await db.$transaction((tx) => onDue(tx, job.conversationId, job.target, new Date(job.dueAt), opts));
    },
  };
}

async function onDue(tx: Tx, conversationId: number, target: SlaTarget, dueAt: Date, opts: EscalationOptions) {
  const now = new Date();
  const c = await tx.conversation.findUnique({
    where: { id: conversationId },
    select: {
      subject: true,
      channel: true,
      priority: true,
      teamId: true,
      assigneeId: true,
      slaPolicyId: true,
      firstResponseDueAt: true,
      nextResponseDueAt: true,
      resolutionDueAt: true,
    },
  });
  // Met, or moved since this timer was armed.
  if (!c || c[DUE_FIELD[target]]?.getTime() !== dueAt.getTime()) return;
  if (now < dueAt) {
    // Run early (a clock that moved, an operator's replay): armed again for its time.
    await tx.outboxJob.create({
      data: { kind: SLA_JOB, payload: JSON.stringify({ conversationId, target, dueAt }), runAt: dueAt },
    });
    return;
  }
  // The breach row is unique per due time: a timer run again after a crash finds it and stops here.
  if (!(await recordBreach(tx, conversationId, target, dueAt, c.slaPolicyId))) return;
  await count(tx, { at: now, channel: c.channel, teamId: c.teamId, agentId: c.assigneeId }, { slaBreached: 1 });

  const cfg = await loadAutomation(tx);
  const policy = cfg.sla.policies.find((p) => p.id === c.slaPolicyId);
  const events: EventInput[] = [
    { action: "sla.breached", conversationId, data: { target, dueAt: dueAt.toISOString(), policy: policy?.name } },
  ];
  const esc = policy?.escalation;
  const change: { priority?: string; teamId?: string; assigneeId?: string | null } = {};
  if (esc?.raisePriority && raisePriority(c.priority as TPriority) !== c.priority) {
    change.priority = raisePriority(c.priority as TPriority);
  }
  if (esc?.teamId && esc.teamId !== c.teamId && (await tx.team.findUnique({ where: { id: esc.teamId } }))) {
    change.teamId = esc.teamId;
    // The new team's auto-assignment (below) picks the agent unless the policy names one.
    change.assigneeId = null;
  }
  if (esc?.assigneeId && esc.assigneeId !== c.assigneeId) {
    const agent = await tx.user.findFirst({
      where: { id: esc.assigneeId, role: { in: ["agent", "admin"] }, deactivatedAt: null },
    });
    if (agent) change.assigneeId = esc.assigneeId;
  }
  if (Object.keys(change).length) {
    await tx.conversation.update({ where: { id: conversationId }, data: change });
    const by = { by: "sla" };
    if (change.priority)
      events.push({
        action: "conversation.priority_changed",
        conversationId,
        data: { from: c.priority, to: change.priority, ...by },
      });
    if (change.teamId)
      events.push({
        action: "conversation.team_changed",
        conversationId,
        data: { from: c.teamId, to: change.teamId, ...by },
      });
    if (change.assigneeId !== undefined && change.assigneeId !== c.assigneeId)
      events.push({
        action: "conversation.assigned",
        conversationId,
        data: { from: c.assigneeId, to: change.assigneeId, ...by },
      });
  }
  await recordEvents(tx, events);
  if (change.teamId && !change.assigneeId) await assignQueue(tx, change.teamId, cfg, now);
  if (esc?.notify ?? true) await notify(tx, conversationId, c.subject, target, opts);
}

/** Records a missed target once; false if it was recorded already. */
async function recordBreach(tx: Tx, conversationId: number, target: SlaTarget, dueAt: Date, policyId: string | null) {
  const done = await tx.slaBreach.findUnique({
    where: { conversationId_target_dueAt: { conversationId, target, dueAt } },
    select: { id: true },
  });
  if (done) return false;
  await tx.slaBreach.create({ data: { conversationId, target, dueAt, policyId } });
  return true;
}

const TARGET_LABEL: Record<SlaTarget, string> = {
  first_response: "first response",
  next_response: "next response",
  resolution: "resolution",
};

/** Mail to the assignee, or to the team's members and the admins when nobody has it. */
async function notify(tx: Tx, conversationId: number, subject: string, target: SlaTarget, opts: EscalationOptions) {
  const c = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { assignee: { select: { email: true } }, team: { select: { members: { select: { user: true } } } } },
  });
  const to = c.assignee
    ? [c.assignee.email]
    : [
        ...(c.team?.members.map((m) => m.user.email) ?? []),
        ...(await tx.user.findMany({ where: { role: "admin", deactivatedAt: null }, select: { email: true } })).map(
          (u) => u.email,
        ),
      ];
  for (const address of new Set(to)) {
    await enqueueSystemMail(
      tx,
      {
        to: address,
        subject: `SLA breached: #${conversationId} ${subject}`.slice(0, 200),
        text: `The ${TARGET_LABEL[target]} target of conversation #${conversationId} ("${subject}") was missed.\n\nOpen it: ${opts.baseUrl}/inbox/${conversationId}\n`,
      },
      opts.secret,
    );
  }
}
