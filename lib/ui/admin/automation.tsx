"use client";
// Admin settings for the automatic processes: routing rules, SLA policies on
// business hours, auto-assignment per team and the auto-acknowledgement. Each
// card saves its own part.
import { useState } from "react";
import type { AutomationConfig, Rule, SlaPolicy } from "@/lib/automation/config";
import { CHANNELS, PRIORITIES } from "@/lib/shared/vocabulary";
import { ApiError } from "../shared/api-client";
import { ErrorState, FormError, Loading } from "../shared/states";
import { BusinessHoursFields, hoursToText, parseHours } from "./business-hours-fields";
import { type AutomationData, useAutomation, useSaveAutomation } from "./use-automation";

export function AutomationSettings() {
  const q = useAutomation();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <RulesCard data={q.data} />
      <SlaCard key={JSON.stringify(q.data.config.sla)} data={q.data} />
      {/* Not re-keyed on save: their "Saved." must outlive the refetch that follows it. */}
      <AssignmentCard data={q.data} />
      <AutoAckCard data={q.data} />
      <CsatCard data={q.data} />
      <StatusesCard data={q.data} />
    </>
  );
}

/** The server's message, with the first field problem it names. */
function saveError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && Array.isArray(error.details) && error.details.length) {
    const d = error.details[0] as { path?: string; message?: string };
    return `${error.message}: ${d.path ? `${d.path}: ` : ""}${d.message ?? ""}`;
  }
  return error instanceof Error ? error.message : "Could not save.";
}

const list = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const text = (v: FormDataEntryValue | null) => String(v ?? "").trim() || undefined;
const minutes = (v: FormDataEntryValue | null) => (String(v ?? "").trim() ? Number(v) : undefined);
const newId = () => Math.random().toString(36).slice(2, 10);

function Checkboxes({ name, values, label }: { name: string; values: readonly string[]; label: string }) {
  return (
    <fieldset className="checkboxes">
      <legend>{label}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" name={name} value={v} /> {v}
        </label>
      ))}
    </fieldset>
  );
}

function Select({ name, label, options }: { name: string; label: string; options: { id: string; name: string }[] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue="">
        <option value="">—</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

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

function RulesCard({ data }: { data: AutomationData }) {
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

function SlaCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const sla = data.config.sla;
  const [timeZone, setTimeZone] = useState(sla.businessHours.timeZone);
  const [hours, setHours] = useState(() => hoursToText(sla.businessHours));
  const [holidays, setHolidays] = useState(sla.businessHours.holidays.join("\n"));
  const [warnMinutes, setWarnMinutes] = useState(String(sla.warnMinutes));
  const [localError, setLocalError] = useState<string | null>(null);

  const saveSla = (policies: SlaPolicy[], onDone?: () => void) => {
    setLocalError(null);
    save.reset();
    const parsed = parseHours(timeZone, hours, holidays);
    if ("error" in parsed) return setLocalError(parsed.error);
    save.mutate(
      { sla: { businessHours: parsed.hours, warnMinutes: Number(warnMinutes), policies } },
      { onSuccess: onDone },
    );
  };

  const add = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const policy = {
      id: newId(),
      name: String(f.get("name") ?? ""),
      match: {
        ...(f.getAll("priorities").length ? { priorities: f.getAll("priorities") } : {}),
        ...(f.get("teamId") ? { teamIds: [f.get("teamId")] } : {}),
        ...(f.getAll("slaChannels").length ? { channels: f.getAll("slaChannels") } : {}),
      },
      firstResponseMinutes: minutes(f.get("firstResponseMinutes")),
      nextResponseMinutes: minutes(f.get("nextResponseMinutes")),
      resolutionMinutes: minutes(f.get("resolutionMinutes")),
      escalation: {
        raisePriority: f.get("raisePriority") === "on",
        teamId: text(f.get("escalateTeamId")),
        assigneeId: text(f.get("escalateAssigneeId")),
        notify: f.get("notify") === "on",
      },
    } as SlaPolicy;
    saveSla([...sla.policies, policy]);
  };

  return (
    <section className="card" aria-labelledby="sla-heading">
      <h2 id="sla-heading">SLA policies</h2>
      <p className="muted">
        The first policy that fits a conversation sets its due times, counted in the business hours below. Missed
        targets escalate.
      </p>
      <BusinessHoursFields
        timeZone={timeZone}
        onTimeZone={setTimeZone}
        hours={hours}
        onHours={setHours}
        holidays={holidays}
        onHolidays={setHolidays}
      />
      <div className="fields">
        <label>
          Show “breaching soon” this many minutes before
          <input type="number" min={1} value={warnMinutes} onChange={(e) => setWarnMinutes(e.target.value)} />
        </label>
      </div>
      <button type="button" className="btn" disabled={save.isPending} onClick={() => saveSla(sla.policies)}>
        Save business hours
      </button>
      {sla.policies.length === 0 ? (
        <p className="state state-empty">No SLA policies: conversations have no due times.</p>
      ) : (
        <ol className="rule-list">
          {sla.policies.map((p) => (
            <li key={p.id} data-testid="sla-policy">
              <strong>{p.name}</strong>{" "}
              <span className="muted">
                {[
                  p.match.priorities && `priority ${p.match.priorities.join("/")}`,
                  p.match.teamIds &&
                    `team ${p.match.teamIds.map((t) => data.teams.find((x) => x.id === t)?.name).join("/")}`,
                  p.match.channels && `by ${p.match.channels.join("/")}`,
                ]
                  .filter(Boolean)
                  .join(", ") || "every conversation"}
                {" · "}
                {[
                  p.firstResponseMinutes && `first response ${p.firstResponseMinutes} min`,
                  p.nextResponseMinutes && `next response ${p.nextResponseMinutes} min`,
                  p.resolutionMinutes && `resolution ${p.resolutionMinutes} min`,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </span>{" "}
              <button
                type="button"
                className="btn-link"
                onClick={() => saveSla(sla.policies.filter((x) => x.id !== p.id))}
              >
                Delete
              </button>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={add} aria-label="Add an SLA policy">
        <h3>Add a policy</h3>
        <div className="fields">
          <label>
            Policy name
            <input name="name" required maxLength={100} />
          </label>
          <Select name="teamId" label="For team" options={data.teams} />
        </div>
        <Checkboxes name="priorities" values={PRIORITIES} label="For priorities (none ticked: any)" />
        <Checkboxes name="slaChannels" values={CHANNELS} label="For channels (none ticked: any)" />
        <div className="fields">
          <label>
            First response (business minutes)
            <input name="firstResponseMinutes" type="number" min={1} />
          </label>
          <label>
            Next response (business minutes)
            <input name="nextResponseMinutes" type="number" min={1} />
          </label>
          <label>
            Resolution (business minutes)
            <input name="resolutionMinutes" type="number" min={1} />
          </label>
        </div>
        <fieldset className="checkboxes">
          <legend>When a target is missed</legend>
          <label>
            <input type="checkbox" name="raisePriority" /> Raise the priority
          </label>
          <label>
            <input type="checkbox" name="notify" defaultChecked /> Email the assignee (or the team and admins)
          </label>
        </fieldset>
        <div className="fields">
          <Select name="escalateTeamId" label="Move to team" options={data.teams} />
          <Select name="escalateAssigneeId" label="Reassign to" options={data.agents} />
        </div>
        <FormError message={localError ?? saveError(save.error)} />
        <button className="btn" disabled={save.isPending}>
          Add policy
        </button>
      </form>
    </section>
  );
}

function AssignmentCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const [draft, setDraft] = useState<AutomationConfig["assignment"]>(data.config.assignment);
  const [reassign, setReassign] = useState(String(draft.reassignAfterOfflineMinutes ?? ""));
  const team = (id: string) => draft.teams[id] ?? { mode: "off" as const, capacity: 10 };
  const setTeam = (id: string, change: Partial<ReturnType<typeof team>>) =>
    setDraft((d) => ({ ...d, teams: { ...d.teams, [id]: { ...team(id), ...change } } }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ assignment: { ...draft, reassignAfterOfflineMinutes: reassign.trim() ? Number(reassign) : null } });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Auto-assignment">
      <h2>Auto-assignment</h2>
      <p className="muted">
        Conversations that reach a team go to its online agents (Away doesn&apos;t count) with room under the capacity;
        the rest wait and are assigned, oldest first, as soon as someone has room.
      </p>
      {data.teams.length === 0 && <p className="state state-empty">No teams yet.</p>}
      {data.teams.map((t) => (
        <div className="fields" key={t.id} data-testid="assignment-team">
          <label>
            {t.name}
            <select
              aria-label={`${t.name} assignment`}
              value={team(t.id).mode}
              onChange={(e) => setTeam(t.id, { mode: e.target.value as "off" })}
            >
              <option value="off">Off (agents pick)</option>
              <option value="round_robin">Round-robin</option>
              <option value="least_open">Fewest open conversations</option>
            </select>
          </label>
          <label>
            Capacity per agent
            <input
              aria-label={`${t.name} capacity`}
              type="number"
              min={1}
              value={team(t.id).capacity}
              onChange={(e) => setTeam(t.id, { capacity: Number(e.target.value) })}
            />
          </label>
        </div>
      ))}
      <label>
        Give conversations back to the team after the assignee is offline for (minutes; empty: never)
        <input type="number" min={1} value={reassign} onChange={(e) => setReassign(e.target.value)} />
      </label>
      <FormError message={saveError(save.error)} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button className="btn" disabled={save.isPending}>
        Save assignment
      </button>
    </form>
  );
}

function AutoAckCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const ack = data.config.autoAck;
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({
      autoAck: {
        enabled: f.get("enabled") === "on",
        channels: f.getAll("ackChannels") as AutomationConfig["autoAck"]["channels"],
        template: String(f.get("template") ?? ""),
      },
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Auto-acknowledgement">
      <h2>Auto-acknowledgement</h2>
      <p className="muted">
        Answers a new conversation on the customer&apos;s channel. Never sent to auto-replies or bulk mail.{" "}
        <code>{"{{reference}}"}</code> is the conversation&apos;s number, <code>{"{{expectation}}"}</code> the
        first-response time of its SLA policy.
      </p>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={ack.enabled} /> Send acknowledgements
      </label>
      <fieldset className="checkboxes">
        <legend>On</legend>
        {(["email", "sms", "chat"] as const).map((c) => (
          <label key={c}>
            <input type="checkbox" name="ackChannels" value={c} defaultChecked={ack.channels.includes(c)} /> {c}
          </label>
        ))}
      </fieldset>
      <label className="wide">
        Message
        <textarea name="template" rows={2} defaultValue={ack.template} maxLength={1000} />
      </label>
      <FormError message={saveError(save.error)} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button className="btn" disabled={save.isPending}>
        Save acknowledgement
      </button>
    </form>
  );
}

function CsatCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const csat = data.config.csat;
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({
      csat: {
        enabled: f.get("enabled") === "on",
        throttleDays: Number(f.get("throttleDays")),
        question: String(f.get("question") ?? ""),
      },
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Satisfaction surveys">
      <h2>Satisfaction surveys (CSAT)</h2>
      <p className="muted">
        When a conversation is solved, the customer gets one survey on the channel they last wrote from: a link by
        email, SMS or in the portal, rating buttons right in the chat. Answers show on the conversation and in reports.
      </p>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={csat.enabled} /> Send surveys
      </label>
      <label>
        Don&apos;t ask a customer again within (days)
        <input type="number" name="throttleDays" min={0} max={365} defaultValue={csat.throttleDays} />
      </label>
      <label className="wide">
        Question (the link follows it)
        <textarea name="question" rows={2} defaultValue={csat.question} maxLength={500} />
      </label>
      <FormError message={saveError(save.error)} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button className="btn" disabled={save.isPending}>
        Save surveys
      </button>
    </form>
  );
}

function StatusesCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const statuses = data.config.statuses;
  const add = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const status = { id: newId(), name: String(f.get("name") ?? ""), category: f.get("category") as "open" };
    save.mutate({ statuses: [...statuses, status] }, { onSuccess: () => form.reset() });
  };
  return (
    <section className="card" aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">Statuses</h2>
      <p className="muted">
        Your own statuses on top of New, Open, Pending, Solved and Closed — like “Waiting on engineering”. Each counts
        as the status it belongs to for SLAs, reports and the customer.
      </p>
      {statuses.length === 0 ? (
        <p className="state state-empty">No statuses of your own yet.</p>
      ) : (
        <ul className="rule-list">
          {statuses.map((x) => (
            <li key={x.id} data-testid="custom-status">
              <strong>{x.name}</strong> <span className="muted">counts as {x.category}</span>{" "}
              <button
                type="button"
                className="btn-link"
                onClick={() => save.mutate({ statuses: statuses.filter((y) => y.id !== x.id) })}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="fields" onSubmit={add} aria-label="Add a status">
        <label>
          Status name
          <input name="name" required maxLength={40} />
        </label>
        <label>
          Counts as
          <select name="category" defaultValue="pending">
            <option value="open">Open</option>
            <option value="pending">Pending</option>
            <option value="solved">Solved</option>
          </select>
        </label>
        <button className="btn" disabled={save.isPending}>
          Add status
        </button>
      </form>
      <FormError message={saveError(save.error)} />
    </section>
  );
}
