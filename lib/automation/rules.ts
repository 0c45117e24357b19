// Routing rules, evaluated top to bottom on a customer's message. Every rule
// whose conditions all hold applies its actions; a later match overrides an
// earlier one's team, priority and assignee, tags add up, the first
// auto-reply wins, and a rule marked `stop` ends the evaluation.
import type { TChannel, TPriority } from "../shared/vocabulary";
import type { Rule } from "./config";

export interface RuleFacts {
  trigger: "conversation.created" | "message.received";
  channel: TChannel;
  subject: string;
  body: string;
  /** the customer's addresses and numbers (normalised identity values) */
  customer: string[];
  /** the addresses an email was sent to */
  mailbox?: string[];
  /** the caller's path through the phone menu, e.g. "Main menu: 2 › Billing" */
  ivrPath?: string;
  businessOpen: boolean;
}

export interface RuleOutcome {
  teamId?: string;
  priority?: TPriority;
  assigneeId?: string;
  tags: string[];
  autoReply?: string;
  /** names of the rules that matched, in order */
  matched: string[];
}

export function evaluateRules(rules: readonly Rule[], facts: RuleFacts): RuleOutcome {
  const outcome: RuleOutcome = { tags: [], matched: [] };
  for (const rule of rules) {
    if (!rule.enabled || !triggers(rule, facts) || !matches(rule.conditions, facts)) continue;
    const a = rule.actions;
    outcome.matched.push(rule.name);
    if (a.teamId) outcome.teamId = a.teamId;
    if (a.priority) outcome.priority = a.priority;
    if (a.assigneeId) outcome.assigneeId = a.assigneeId;
    for (const t of a.tags ?? []) if (!outcome.tags.includes(t)) outcome.tags.push(t);
    outcome.autoReply ??= a.autoReply;
    if (rule.stop) break;
  }
  return outcome;
}

function triggers(rule: Rule, facts: RuleFacts): boolean {
  // "message.received" covers every customer message, the first one included.
  return rule.trigger === "message.received" || facts.trigger === "conversation.created";
}

function matches(c: Rule["conditions"], facts: RuleFacts): boolean {
  if (c.channels && !c.channels.includes(facts.channel)) return false;
  if (c.keywords && !c.keywords.some((k) => containsPhrase(`${facts.subject}\n${facts.body}`, k))) return false;
  if (c.customer) {
    const part = c.customer.toLowerCase();
    if (!facts.customer.some((v) => v.toLowerCase().includes(part))) return false;
  }
  if (c.mailbox && !facts.mailbox?.some((a) => a.toLowerCase() === c.mailbox!.toLowerCase())) return false;
  if (c.ivrChoice && !facts.ivrPath?.toLowerCase().includes(c.ivrChoice.toLowerCase())) return false;
  if (c.businessHours && (c.businessHours === "open") !== facts.businessOpen) return false;
  return true;
}

/** A whole word or phrase, case-insensitive: "bill" does not match "billing". */
export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}
