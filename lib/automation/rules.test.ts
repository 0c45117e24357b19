import { describe, expect, it } from "vitest";
import { ZRule, type Rule } from "./config";
import { containsPhrase, evaluateRules, type RuleFacts } from "./rules";

const rule = (r: Partial<Rule> & Pick<Rule, "actions">): Rule => ZRule.parse({ id: r.name ?? "r", name: "r", ...r });

const facts = (f: Partial<RuleFacts> = {}): RuleFacts => ({
  trigger: "conversation.created",
  channel: "email",
  subject: "Question",
  body: "Hello",
  customer: ["pat@acme.com"],
  businessOpen: true,
  ...f,
});

describe("routing rules", () => {
  it("applies every matching rule in order: later team/priority win, tags add up, the first auto-reply wins", () => {
    const out = evaluateRules(
      [
        rule({ name: "a", actions: { teamId: "t1", priority: "high", tags: ["vip"], autoReply: "first" } }),
        rule({ name: "b", conditions: { channels: ["sms"] }, actions: { teamId: "never" } }),
        rule({ name: "c", actions: { teamId: "t2", tags: ["vip", "acme"], autoReply: "second" } }),
      ],
      facts(),
    );
    expect(out).toEqual({
      teamId: "t2",
      priority: "high",
      tags: ["vip", "acme"],
      autoReply: "first",
      matched: ["a", "c"],
    });
  });

  it("stops after a matching rule marked stop, and skips disabled rules", () => {
    const out = evaluateRules(
      [
        rule({ name: "off", enabled: false, actions: { priority: "urgent" } }),
        rule({ name: "stopper", stop: true, actions: { priority: "low" } }),
        rule({ name: "after", actions: { priority: "high" } }),
      ],
      facts(),
    );
    expect(out.matched).toEqual(["stopper"]);
    expect(out.priority).toBe("low");
  });

  it("needs every condition: channel, keywords, customer, mailbox, menu choice, business hours", () => {
    const r = rule({
      conditions: {
        channels: ["email"],
        keywords: ["refund", "money back"],
        customer: "@ACME.com",
        mailbox: "billing@desk.test",
        businessHours: "closed",
      },
      actions: { teamId: "billing" },
    });
    const base = facts({
      body: "I want my  Money\nBack please",
      mailbox: ["Billing@desk.test", "cc@desk.test"],
      businessOpen: false,
    });
    expect(evaluateRules([r], base).teamId).toBe("billing");
    expect(evaluateRules([r], { ...base, channel: "sms" }).matched).toEqual([]);
    expect(evaluateRules([r], { ...base, body: "hello" }).matched).toEqual([]);
    expect(evaluateRules([r], { ...base, customer: ["pat@other.com"] }).matched).toEqual([]);
    expect(evaluateRules([r], { ...base, mailbox: ["support@desk.test"] }).matched).toEqual([]);
    expect(evaluateRules([r], { ...base, businessOpen: true }).matched).toEqual([]);
    const ivr = rule({ conditions: { ivrChoice: "billing" }, actions: { priority: "high" } });
    expect(evaluateRules([ivr], facts({ channel: "voice", ivrPath: "Greeting › Main menu › Billing" })).priority).toBe(
      "high",
    );
    expect(evaluateRules([ivr], facts({ channel: "voice" })).matched).toEqual([]);
  });

  it("runs conversation.created rules on the first message only, message.received rules on every message", () => {
    const rules = [
      rule({ name: "new", actions: { tags: ["new"] } }),
      rule({ name: "any", trigger: "message.received", actions: { tags: ["any"] } }),
    ];
    expect(evaluateRules(rules, facts()).matched).toEqual(["new", "any"]);
    expect(evaluateRules(rules, facts({ trigger: "message.received" })).matched).toEqual(["any"]);
  });

  it("matches keywords as whole words, case-insensitively, even with regex characters", () => {
    expect(containsPhrase("Your BILL is wrong", "bill")).toBe(true);
    expect(containsPhrase("billing question", "bill")).toBe(false);
    expect(containsPhrase("is C++ supported?", "c++")).toBe(true);
    expect(containsPhrase("Überweisung fehlt", "überweisung")).toBe(true);
  });

  it("refuses a rule without actions, and normalises tags", () => {
    expect(ZRule.safeParse({ id: "x", name: "x", actions: {} }).success).toBe(false);
    expect(ZRule.parse({ id: "x", name: "x", actions: { tags: [" VIP "] } }).actions.tags).toEqual(["vip"]);
    expect(ZRule.safeParse({ id: "x", name: "x", actions: { tags: ["<b>"] } }).success).toBe(false);
  });
});
