// The helpdesk's automatic processes, run inside the transaction of the change
// that triggers them — routed, assigned, timed and acknowledged together with
// the message, or not at all.
import { recordEvents, type EventInput } from "../audit/record-event";
import type { Prisma, Tx } from "../db/client";
import type { TChannel, TPriority, TStatus } from "../shared/vocabulary";
import { isOpenAt } from "../time/business-hours";
import { assignQueue } from "./auto-assign";
import { sendAutomatedReply } from "./automated-reply";
import { type AutomationConfig, loadAutomation } from "./config";
import { evaluateRules } from "./rules";
import { pickPolicy } from "./sla";
import { refreshSla, SLA_FIELDS } from "./sla-clock";
import { count } from "../reports/counters";
import { plural } from "../shared/plural";

/** What the processes read of the conversation a message arrived in. */
export const PROCESS_FIELDS = {
  ...SLA_FIELDS,
  subject: true,
  customerId: true,
} as const satisfies Prisma.ConversationSelect;

export interface CustomerMessage {
  conversationId: number;
  /** the conversation as the message left it (read or written in this transaction): the processes need not read it again */
  conversation: Prisma.ConversationGetPayload<{ select: typeof PROCESS_FIELDS }>;
  created: boolean;
  channel: TChannel;
  body: string;
  automated: boolean;
  context?: { mailbox?: string[]; ivrPath?: string };
}

export async function afterCustomerMessage(tx: Tx, m: CustomerMessage, now: Date): Promise<void> {
  const cfg = await loadAutomation(tx);
  // Machines' mail (auto-replies, bulk) is stored but never routed or answered.
  const touched = !m.automated && (await route(tx, cfg, m, now));
  // Routing may have moved, assigned or answered it: then read it as it is now.
  const c = touched
    ? await tx.conversation.findUniqueOrThrow({ where: { id: m.conversationId }, select: SLA_FIELDS })
    : m.conversation;
  if (m.created) await count(tx, { at: c.createdAt, channel: c.channel, teamId: c.teamId }, { created: 1 });
  await refreshSla(tx, m.conversationId, cfg, c);
}

/** Applies the rules, assignment and acknowledgement; true when it may have changed the conversation. */
async function route(tx: Tx, cfg: AutomationConfig, m: CustomerMessage, now: Date): Promise<boolean> {
  const c = m.conversation;
  // Without rules there is nothing to match the customer's addresses against: don't read them.
  const identities = cfg.rules.length
    ? await tx.identity.findMany({
        where: { customerId: c.customerId },
        select: { value: true },
      })
    : [];
  const outcome = evaluateRules(cfg.rules, {
    trigger: m.created ? "conversation.created" : "message.received",
    channel: m.channel,
    subject: c.subject,
    body: m.body,
    customer: identities.map((i) => i.value),
    mailbox: m.context?.mailbox,
    ivrPath: m.context?.ivrPath,
    businessOpen: isOpenAt(cfg.sla.businessHours, now),
  });
  // A team or agent removed since the rule was saved is skipped, not an error that loses the message.
  const teamId = outcome.teamId && (await exists(tx, "team", outcome.teamId)) ? outcome.teamId : undefined;
  const assigneeId =
    outcome.assigneeId && (await exists(tx, "agent", outcome.assigneeId)) ? outcome.assigneeId : undefined;
  const change = {
    ...(teamId && teamId !== c.teamId ? { teamId } : {}),
    ...(outcome.priority && outcome.priority !== c.priority ? { priority: outcome.priority } : {}),
    ...(assigneeId && assigneeId !== c.assigneeId ? { assigneeId } : {}),
  };
  const events: EventInput[] = [];
  let touched = false;
  if (outcome.matched.length) {
    touched = true;
    if (Object.keys(change).length) await tx.conversation.update({ where: { id: m.conversationId }, data: change });
    for (const tag of outcome.tags) {
      await tx.conversationTag.upsert({
        where: { conversationId_tag: { conversationId: m.conversationId, tag } },
        create: { conversationId: m.conversationId, tag },
        update: {},
      });
    }
    events.push({
      action: "conversation.routed",
      conversationId: m.conversationId,
      data: { rules: outcome.matched, ...change, ...(outcome.tags.length ? { tags: outcome.tags } : {}) },
    });
    if (change.teamId) events.push(changed("team_changed", m.conversationId, c.teamId, change.teamId));
    if (change.priority) events.push(changed("priority_changed", m.conversationId, c.priority, change.priority));
    if (change.assigneeId) events.push(changed("assigned", m.conversationId, c.assigneeId, change.assigneeId));
  }
  if (events.length) await recordEvents(tx, events);

  const open = !["solved", "closed"].includes(c.status as TStatus);
  const team = change.teamId ?? c.teamId;
  // Older conversations waiting in the team go first: the queue is served oldest first.
  if (open && team && !(change.assigneeId ?? c.assigneeId))
    touched = (await assignQueue(tx, team, cfg, now)) > 0 || touched;

  const ack = cfg.autoAck;
  const text =
    outcome.autoReply ??
    (m.created && ack.enabled && (ack.channels as TChannel[]).includes(m.channel) ? ack.template : undefined);
  if (text) {
    await sendAutomatedReply(tx, m.conversationId, m.channel, await fillTemplate(tx, text, m, cfg, now), now);
    touched = true;
  }
  return touched;
}

const changed = (what: string, conversationId: number, from: unknown, to: unknown): EventInput => ({
  action: `conversation.${what}`,
  conversationId,
  data: { from, to, by: "rule" },
});

async function exists(tx: Tx, kind: "team" | "agent", id: string): Promise<boolean> {
  return kind === "team"
    ? !!(await tx.team.findUnique({ where: { id }, select: { id: true } }))
    : !!(await tx.user.findFirst({
        where: { id, role: { in: ["agent", "admin"] }, deactivatedAt: null },
        select: { id: true },
      }));
}

/** {{reference}} and {{expectation}} (the first-response target of the SLA policy now in force). */
async function fillTemplate(tx: Tx, text: string, m: CustomerMessage, cfg: AutomationConfig, now: Date) {
  const c = await tx.conversation.findUniqueOrThrow({
    where: { id: m.conversationId },
    select: { priority: true, teamId: true, channel: true },
  });
  const minutes = pickPolicy(cfg.sla.policies, {
    priority: c.priority as TPriority,
    teamId: c.teamId,
    channel: c.channel as TChannel,
  })?.firstResponseMinutes;
  const expectation = minutes
    ? `We usually answer within ${describeMinutes(minutes)}${
        isOpenAt(cfg.sla.businessHours, now) ? "" : " of our opening hours"
      }.`
    : "We will get back to you as soon as we can.";
  return text.replaceAll("{{reference}}", `#${m.conversationId}`).replaceAll("{{expectation}}", expectation);
}

/** Business minutes as hours or minutes — never as days, which would suggest 24-hour days. */
export function describeMinutes(minutes: number): string {
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}
