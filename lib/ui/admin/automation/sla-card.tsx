"use client";
// SLA policies (first/next response and resolution in business minutes) and the business hours they count.
import { useState } from "react";
import type { SlaPolicy } from "@/lib/automation/config";
import { CHANNELS, PRIORITIES } from "@/lib/shared/vocabulary";
import { FormError } from "../../shared/states";
import { BusinessHoursFields, hoursErrors, hoursToText, parseHours, type HoursField } from "../business-hours-fields";
import { type AutomationData, useSaveAutomation } from "../use-automation";
import { Checkboxes, minutes, newId, saveError, Select, text } from "./fields";

export function SlaCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const sla = data.config.sla;
  const [timeZone, setTimeZone] = useState(sla.businessHours.timeZone);
  const [hours, setHours] = useState(() => hoursToText(sla.businessHours));
  const [holidays, setHolidays] = useState(sla.businessHours.holidays.join("\n"));
  const [warnMinutes, setWarnMinutes] = useState(String(sla.warnMinutes));
  const [localError, setLocalError] = useState<{ field: HoursField; error: string } | null>(null);
  const hoursProblems = hoursErrors(localError, save.error);

  const saveSla = (policies: SlaPolicy[], onDone?: () => void) => {
    setLocalError(null);
    save.reset();
    const parsed = parseHours(timeZone, hours, holidays);
    if ("error" in parsed) return setLocalError(parsed);
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
        errors={hoursProblems}
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
        <FormError message={Object.keys(hoursProblems).length ? null : saveError(save.error)} />
        <button className="btn" disabled={save.isPending}>
          Add policy
        </button>
      </form>
    </section>
  );
}
