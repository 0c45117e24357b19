// What admins configure for the helpdesk's automatic processes: routing rules,
// SLA policies on business hours, auto-assignment per team and the
// auto-acknowledgement. Each is one validated settings document.
import { z, type ZodType } from "zod";
import type { Db, Tx } from "../db/client";
import { badRequest } from "../errors";
import { parseSetting, readSettings, writeSetting } from "../settings/settings";
import { ALWAYS_OPEN, ZBusinessHours } from "../shared/business-hours-schema";
import { ZChannel, ZPriority } from "../shared/vocabulary";

const ZId = z.string().trim().min(1).max(64);
export const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, "Tags are letters, digits, spaces, - and _");

export const RULE_TRIGGERS = ["conversation.created", "message.received"] as const;

export const ZRule = z.strictObject({
  id: ZId,
  name: z.string().trim().min(1, "Name the rule").max(100),
  enabled: z.boolean().default(true),
  /** a new conversation, or any customer message (including the first) */
  trigger: z.enum(RULE_TRIGGERS).default("conversation.created"),
  conditions: z
    .strictObject({
      channels: z.array(ZChannel).max(6).optional(),
      /** any of these words or phrases in the subject or message (case-insensitive) */
      keywords: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
      /** part of one of the customer's addresses or numbers, e.g. "@acme.com" or "+4930" */
      customer: z.string().trim().min(1).max(320).optional(),
      /** the helpdesk address an email was sent to, e.g. "billing@example.com" */
      mailbox: z.string().trim().toLowerCase().min(1).max(320).optional(),
      /** a step of the caller's path through the phone menu, e.g. "Billing" */
      ivrChoice: z.string().trim().min(1).max(200).optional(),
      businessHours: z.enum(["open", "closed"]).optional(),
    })
    .default({}),
  actions: z
    .strictObject({
      teamId: ZId.optional(),
      priority: ZPriority.optional(),
      tags: z.array(ZTag).max(20).optional(),
      assigneeId: ZId.optional(),
      /** sent on the customer's channel; {{reference}} becomes #123 */
      autoReply: z.string().trim().min(1).max(2_000).optional(),
    })
    .refine((a) => Object.values(a).some((v) => v !== undefined), "Give the rule at least one action"),
  /** later rules are not looked at once this one matched */
  stop: z.boolean().default(false),
});
export type Rule = z.infer<typeof ZRule>;
export const ZRules = z.array(ZRule).max(200);

export const SLA_TARGETS = ["first_response", "next_response", "resolution"] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

const ZMinutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 90);

export const ZSlaPolicy = z.strictObject({
  id: ZId,
  name: z.string().trim().min(1, "Name the policy").max(100),
  /** the first policy whose every given list contains the conversation's value applies */
  match: z
    .strictObject({
      priorities: z.array(ZPriority).max(4).optional(),
      teamIds: z.array(ZId).max(100).optional(),
      channels: z.array(ZChannel).max(6).optional(),
    })
    .default({}),
  /** business minutes */
  firstResponseMinutes: ZMinutes.optional(),
  nextResponseMinutes: ZMinutes.optional(),
  resolutionMinutes: ZMinutes.optional(),
  escalation: z
    .strictObject({
      raisePriority: z.boolean().default(false),
      teamId: ZId.optional(),
      assigneeId: ZId.optional(),
      /** mail the assignee (or, with none, the team's members and the admins) */
      notify: z.boolean().default(true),
    })
    .default({ raisePriority: false, notify: true }),
});
export type SlaPolicy = z.infer<typeof ZSlaPolicy>;

export const ZSlaConfig = z.strictObject({
  businessHours: ZBusinessHours,
  /** how long before a due time the inbox shows "breaching soon" */
  warnMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  policies: z.array(ZSlaPolicy).max(100),
});
export type SlaConfig = z.infer<typeof ZSlaConfig>;

export const ASSIGNMENT_MODES = ["off", "round_robin", "least_open"] as const;
export const ZAssignmentConfig = z.strictObject({
  teams: z.record(
    ZId,
    z.strictObject({
      mode: z.enum(ASSIGNMENT_MODES),
      /** open conversations an agent may hold before auto-assignment skips them */
      capacity: z.number().int().min(1).max(500).default(10),
    }),
  ),
  /** give an assignee's conversations back to the team after this long offline; null keeps them */
  reassignAfterOfflineMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .nullable()
    .default(null),
});
export type AssignmentConfig = z.infer<typeof ZAssignmentConfig>;

export const ZAutoAck = z.strictObject({
  enabled: z.boolean(),
  channels: z.array(z.enum(["email", "sms", "chat"])).max(3),
  /** {{reference}} → #123, {{expectation}} → "We usually answer within 2 business hours." */
  template: z.string().trim().min(1).max(1_000),
});
export type AutoAck = z.infer<typeof ZAutoAck>;

export const ZCsat = z.strictObject({
  enabled: z.boolean(),
  /** a customer surveyed within this many days is not asked again */
  throttleDays: z.number().int().min(0).max(365).default(7),
  /** {{reference}} → #123; the survey link follows it */
  question: z.string().trim().min(1).max(500),
});
export type CsatConfig = z.infer<typeof ZCsat>;

/** An admin's own status on top of the fixed ones; it counts as its category everywhere else (SLA, reports). */
export const ZCustomStatus = z.strictObject({
  id: ZId,
  name: z.string().trim().min(1, "Name the status").max(40),
  category: z.enum(["open", "pending", "solved"]),
});
export type CustomStatus = z.infer<typeof ZCustomStatus>;
export const ZCustomStatuses = z
  .array(ZCustomStatus)
  .max(30)
  .refine((l) => new Set(l.map((x) => x.id)).size === l.length, "Two statuses have the same id");

export const ZAutomationConfig = z.strictObject({
  rules: ZRules,
  sla: ZSlaConfig,
  assignment: ZAssignmentConfig,
  autoAck: ZAutoAck,
  csat: ZCsat,
  statuses: ZCustomStatuses,
});
export type AutomationConfig = z.infer<typeof ZAutomationConfig>;

export const DEFAULT_AUTOMATION: AutomationConfig = {
  rules: [],
  sla: { businessHours: ALWAYS_OPEN, warnMinutes: 30, policies: [] },
  assignment: { teams: {}, reassignAfterOfflineMinutes: null },
  autoAck: {
    enabled: false,
    channels: ["email", "sms", "chat"],
    template: "Thanks, we received your message ({{reference}}). {{expectation}}",
  },
  csat: { enabled: false, throttleDays: 7, question: "How did we do with {{reference}}? Rate us here:" },
  statuses: [],
};

const KEYS = {
  rules: "routing_rules",
  sla: "sla",
  assignment: "assignment",
  autoAck: "auto_ack",
  csat: "csat",
  statuses: "statuses",
} as const;

export async function loadAutomation(db: Db | Tx): Promise<AutomationConfig> {
  const stored = await readSettings(db, Object.values(KEYS));
  const part = <T>(key: string, schema: ZodType<T>, fallback: T) =>
    parseSetting(key, stored.get(key), schema, fallback);
  return {
    rules: part(KEYS.rules, ZRules, DEFAULT_AUTOMATION.rules),
    sla: part(KEYS.sla, ZSlaConfig, DEFAULT_AUTOMATION.sla),
    assignment: part(KEYS.assignment, ZAssignmentConfig, DEFAULT_AUTOMATION.assignment),
    autoAck: part(KEYS.autoAck, ZAutoAck, DEFAULT_AUTOMATION.autoAck),
    csat: part(KEYS.csat, ZCsat, DEFAULT_AUTOMATION.csat),
    statuses: part(KEYS.statuses, ZCustomStatuses, DEFAULT_AUTOMATION.statuses),
  };
}

export const ZAutomationPatch = ZAutomationConfig.partial().refine(
  (p) => Object.values(p).some((v) => v !== undefined),
  "Nothing to change",
);

/** Saves the parts given, after checking every team and agent they name exists. */
export async function saveAutomation(
  db: Db,
  patch: z.infer<typeof ZAutomationPatch>,
  actorUserId: string,
): Promise<AutomationConfig> {
  await checkReferences(db, patch);
  // One write per part given: each is its own audited settings change.
  if (patch.rules) await writeSetting(db, KEYS.rules, ZRules, patch.rules, actorUserId);
  if (patch.sla) await writeSetting(db, KEYS.sla, ZSlaConfig, patch.sla, actorUserId);
  if (patch.assignment) await writeSetting(db, KEYS.assignment, ZAssignmentConfig, patch.assignment, actorUserId);
  if (patch.autoAck) await writeSetting(db, KEYS.autoAck, ZAutoAck, patch.autoAck, actorUserId);
  if (patch.csat) await writeSetting(db, KEYS.csat, ZCsat, patch.csat, actorUserId);
  if (patch.statuses) await writeSetting(db, KEYS.statuses, ZCustomStatuses, patch.statuses, actorUserId);
  return loadAutomation(db);
}

async function checkReferences(db: Db, patch: Partial<AutomationConfig>) {
  const teamIds = new Set<string>();
  const agentIds = new Set<string>();
  const ruleIds = new Set<string>();
  patch.rules?.forEach((r, i) => {
    if (ruleIds.has(r.id)) throw badRequest("invalid_rules", `Rule ${i + 1}: two rules have the id "${r.id}"`);
    ruleIds.add(r.id);
    if (r.actions.teamId) teamIds.add(r.actions.teamId);
    if (r.actions.assigneeId) agentIds.add(r.actions.assigneeId);
  });
  patch.sla?.policies.forEach((p) => {
    p.match.teamIds?.forEach((t) => teamIds.add(t));
    if (p.escalation.teamId) teamIds.add(p.escalation.teamId);
    if (p.escalation.assigneeId) agentIds.add(p.escalation.assigneeId);
  });
  Object.keys(patch.assignment?.teams ?? {}).forEach((t) => teamIds.add(t));
  const [teams, agents] = await Promise.all([
    db.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true } }),
    db.user.findMany({ where: { id: { in: [...agentIds] }, role: { in: ["agent", "admin"] } }, select: { id: true } }),
  ]);
  const missingTeam = [...teamIds].find((id) => !teams.some((t) => t.id === id));
  if (missingTeam) throw badRequest("invalid_team", `No team with id "${missingTeam}"`);
  const missingAgent = [...agentIds].find((id) => !agents.some((a) => a.id === id));
  if (missingAgent) throw badRequest("invalid_assignee", `No agent with id "${missingAgent}"`);
}
