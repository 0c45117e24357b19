"use client";
// Auto-assignment per team: method, capacity, release of an assignee who went offline.
import { useState } from "react";
import type { AutomationConfig } from "@/lib/automation/config";
import { FormError } from "../../shared/states";
import { type AutomationData, useSaveAutomation } from "../use-automation";
import { saveError } from "./fields";

export function AssignmentCard({ data }: { data: AutomationData }) {
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
