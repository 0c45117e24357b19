"use client";
// Routing rules: the list in evaluation order (move up/down, enable, remove) and the form for a new one.
import type { Rule } from "@/lib/automation/config";
import { CHANNELS, PRIORITIES } from "@/lib/shared/vocabulary";
import { FormError } from "../../shared/states";
import { type AutomationData, useSaveAutomation } from "../use-automation";
import { Checkboxes, list, newId, saveError, Select, text } from "./fields";

function describeRule(r: Rule, data: AutomationData): string {
  const c = r.conditions;
  const when = [
    r.trigger === "message.received" ? "any customer message" : "a new conversation",
    c.channels && `by ${c.channels.join("/")}`,
    c.keywords && `mentioning ${c.keywords.map((k) => `“${k}”`).join(" or ")}`,
    c.customer && `from ${c.customer}`,
    c.mailbox && `to ${c.mailbox}`,
    c.ivrChoice && `after “${c.ivrChoice}” in the phone menu`,
    c.businessHours && (c.businessHours === "open" ? "in business hours" : "outside business hours"),
  ].filter(Boolean);
  const a = r.actions;
  const then = [
    a.teamId && `team ${data.teams.find((t) => t.id === a.teamId)?.name ?? "(removed)"}`,
    a.priority && `priority ${a.priority}`,
    a.assigneeId && `assign ${data.agents.find((t) => t.id === a.assigneeId)?.name ?? "(removed)"}`,
    a.tags?.length && `tag ${a.tags.join(", ")}`,
    a.autoReply && "auto-reply",
  ].filter(Boolean);
  return `When ${when.join(", ")} → ${then.join(", ")}${r.stop ? "; then stop" : ""}`;
}

export function RulesCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const rules = data.config.rules;
  const saveRules = (next: Rule[], onDone?: () => void) => save.mutate({ rules: next }, { onSuccess: onDone });
  const move = (i: number, by: number) => {
    const next = [...rules];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r!);
    saveRules(next);
  };

  const add = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.reset();
    const form = e.currentTarget;
    const f = new FormData(form);
    const rule = {
      id: newId(),
      name: String(f.get("name") ?? ""),
      enabled: true,
      trigger: f.get("trigger") as Rule["trigger"],
      conditions: {
        ...(f.getAll("channels").length ? { channels: f.getAll("channels") } : {}),
        ...(list(f.get("keywords")).length ? { keywords: list(f.get("keywords")) } : {}),
        customer: text(f.get("customer")),
        mailbox: text(f.get("mailbox")),
        ivrChoice: text(f.get("ivrChoice")),
        businessHours: text(f.get("businessHours")),
      },
      actions: {
        teamId: text(f.get("teamId")),
        priority: text(f.get("priority")),
        assigneeId: text(f.get("assigneeId")),
        ...(list(f.get("tags")).length ? { tags: list(f.get("tags")) } : {}),
        autoReply: text(f.get("autoReply")),
      },
      stop: f.get("stop") === "on",
    } as Rule;
    saveRules([...rules, rule], () => form.reset());
  };

  return (
    <section className="card" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Routing rules</h2>
      <p className="muted">
        Checked top to bottom on every customer message. Every matching rule applies; a later one overrides an earlier
        team, priority or assignee.
      </p>
      {rules.length === 0 ? (
        <p className="state state-empty">No rules yet: new conversations stay unrouted.</p>
      ) : (
        <ol className="rule-list">
          {rules.map((r, i) => (
            <li key={r.id} data-testid="routing-rule" className={r.enabled ? "" : "muted"}>
              <strong>{r.name}</strong> {r.enabled ? "" : "(off) "}
              <span className="muted">{describeRule(r, data)}</span>{" "}
              <button type="button" className="btn-link" disabled={i === 0} onClick={() => move(i, -1)}>
                Up
              </button>
              <button
                type="button"
                className="btn-link"
                onClick={() => saveRules(rules.map((x) => (x.id === r.id ? { ...x, enabled: !x.enabled } : x)))}
              >
                {r.enabled ? "Turn off" : "Turn on"}
              </button>
              <button type="button" className="btn-link" onClick={() => saveRules(rules.filter((x) => x.id !== r.id))}>
                Delete
              </button>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={add} aria-label="Add a routing rule">
        <h3>Add a rule</h3>
        <div className="fields">
          <label>
            Rule name
            <input name="name" required maxLength={100} />
          </label>
          <label>
            Runs on
            <select name="trigger" defaultValue="conversation.created">
              <option value="conversation.created">New conversations</option>
              <option value="message.received">Every customer message</option>
            </select>
          </label>
        </div>
        <Checkboxes name="channels" values={CHANNELS} label="Channels (none ticked: any)" />
        <div className="fields">
          <label>
            Keywords (comma-separated, any of them)
            <input name="keywords" />
          </label>
          <label>
            Customer address or number contains
            <input name="customer" placeholder="@acme.com" />
          </label>
          <label>
            Sent to mailbox address
            <input name="mailbox" type="email" />
          </label>
          <label>
            Phone menu step
            <input name="ivrChoice" placeholder="Billing" />
          </label>
          <label>
            Business hours
            <select name="businessHours" defaultValue="">
              <option value="">Any time</option>
              <option value="open">Open</option>
              <option value="closed">Closed</option>
            </select>
          </label>
        </div>
        <div className="fields">
          <Select name="teamId" label="Set team" options={data.teams} />
          <Select name="priority" label="Set priority" options={PRIORITIES.map((p) => ({ id: p, name: p }))} />
          <Select name="assigneeId" label="Assign to" options={data.agents} />
          <label>
            Add tags (comma-separated)
            <input name="tags" />
          </label>
        </div>
        <label className="wide">
          Auto-reply ({"{{reference}}"} becomes the conversation&apos;s number)
          <textarea name="autoReply" rows={2} maxLength={2000} />
        </label>
        <label>
          <input type="checkbox" name="stop" /> Stop checking later rules when this one matches
        </label>
        <FormError message={saveError(save.error)} />
        <button className="btn" disabled={save.isPending}>
          Add rule
        </button>
      </form>
    </section>
  );
}
