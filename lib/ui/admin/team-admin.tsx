"use client";
// Agents (invite, role, teams, deactivate) and teams (create, rename, delete).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { plural } from "@/lib/shared/plural";
import { api } from "../shared/api-client";
import { DataTable } from "../shared/data-table";
import { TextField, useFieldErrors } from "../shared/field-errors";
import { formatTime } from "../shared/format";
import { ErrorState, FormError, Loading } from "../shared/states";
import { adminKeys } from "./query-keys";

interface AgentRow {
  id: string;
  name: string;
  email: string;
  role: "agent" | "admin";
  status: "active" | "invited" | "deactivated";
  createdAt: string;
  teams: Array<{ id: string; name: string }>;
}
interface TeamRow {
  id: string;
  name: string;
  members: number;
}

function useTeamAdmin() {
  return useQuery({
    queryKey: adminKeys.team(),
    queryFn: () => api<{ agents: AgentRow[]; teams: TeamRow[] }>("/api/admin/agents"),
  });
}

function useAdminCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body?: unknown }) =>
      api(path, { method, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.team() }),
  });
}

export function TeamAdmin({ viewerId }: { viewerId: string }) {
  const q = useTeamAdmin();
  const act = useAdminCall();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { agents, teams } = q.data;
  const patch = (id: string, body: object) => act.mutate({ path: `/api/admin/agents/${id}`, method: "PATCH", body });
  return (
    <>
      <InviteForm teams={teams} />
      <section className="card" aria-labelledby="agents-h">
        <h2 id="agents-h">Agents</h2>
        <FormError message={act.error?.message} />
        <DataTable
          label="Agents"
          rows={agents}
          rowKey={(a) => a.id}
          columns={[
            {
              header: "Name",
              cell: (a) => (
                <>
                  <strong>{a.name}</strong>
                  <br />
                  <span className="muted">{a.email}</span>
                </>
              ),
            },
            {
              header: "Role",
              cell: (a) => (
                <select
                  aria-label={`Role of ${a.name}`}
                  value={a.role}
                  disabled={a.status === "deactivated" || act.isPending}
                  onChange={(e) => patch(a.id, { role: e.target.value })}
                >
                  <option value="agent">Agent</option>
                  <option value="admin">Admin</option>
                </select>
              ),
            },
            {
              header: "Teams",
              cell: (a) => (
                <span className="team-checks">
                  {teams.map((t) => {
                    const on = a.teams.some((x) => x.id === t.id);
                    return (
                      <label key={t.id} className="check">
                        <input
                          type="checkbox"
                          checked={on}
                          disabled={act.isPending}
                          onChange={() =>
                            patch(a.id, {
                              teamIds: on
                                ? a.teams.filter((x) => x.id !== t.id).map((x) => x.id)
                                : [...a.teams.map((x) => x.id), t.id],
                            })
                          }
                        />
                        {t.name}
                      </label>
                    );
                  })}
                </span>
              ),
            },
            {
              header: "Status",
              cell: (a) => (
                <span className={`badge${a.status === "deactivated" ? " badge-danger" : ""}`}>
                  {a.status === "invited" ? `invited ${formatTime(a.createdAt)}` : a.status}
                </span>
              ),
            },
            {
              header: "Actions",
              hiddenHeader: true,
              cell: (a) => (
                <span className="row-actions">
                  {a.status === "invited" && (
                    <button
                      type="button"
                      className="btn btn-link"
                      onClick={() => act.mutate({ path: `/api/admin/agents/${a.id}/invite`, method: "POST" })}
                    >
                      Resend invitation
                    </button>
                  )}
                  {a.id !== viewerId &&
                    (a.status === "deactivated" ? (
                      <button type="button" className="btn btn-link" onClick={() => patch(a.id, { active: true })}>
                        Reactivate
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-link"
                        onClick={() =>
                          confirm(
                            `Deactivate ${a.name}? They are signed out everywhere and their open conversations go back to the queue.`,
                          ) && patch(a.id, { active: false })
                        }
                      >
                        Deactivate
                      </button>
                    ))}
                </span>
              ),
            },
          ]}
        />
      </section>
      <Teams teams={teams} />
    </>
  );
}

function InviteForm({ teams }: { teams: TeamRow[] }) {
  const qc = useQueryClient();
  const [v, setV] = useState({ name: "", email: "", role: "agent", teamIds: [] as string[] });
  const [sent, setSent] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const invite = useMutation({
    mutationFn: () => api<{ id: string }>("/api/admin/agents", { method: "POST", body: v }),
    onSuccess: () => {
      setSent(v.email);
      setV({ name: "", email: "", role: "agent", teamIds: [] });
      void qc.invalidateQueries({ queryKey: adminKeys.team() });
    },
  });
  const errors = useFieldErrors(invite.error, form, "email");
  return (
    <form
      ref={form}
      className="card"
      aria-label="Invite an agent"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSent(null);
        invite.mutate();
      }}
    >
      <h2>Invite an agent</h2>
      <div className="fields">
        <TextField
          label="Name"
          name="name"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          error={errors.name}
        />
        <TextField
          label="Email address"
          name="email"
          type="email"
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.target.value })}
          error={errors.email}
        />
        <label>
          Role
          <select name="role" value={v.role} onChange={(e) => setV({ ...v, role: e.target.value })}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
      </div>
      {teams.length > 0 && (
        <fieldset className="team-checks">
          <legend>Teams</legend>
          {teams.map((t) => (
            <label key={t.id} className="check">
              <input
                type="checkbox"
                checked={v.teamIds.includes(t.id)}
                onChange={(e) =>
                  setV({ ...v, teamIds: e.target.checked ? [...v.teamIds, t.id] : v.teamIds.filter((x) => x !== t.id) })
                }
              />
              {t.name}
            </label>
          ))}
        </fieldset>
      )}
      {sent && (
        <p role="status" className="muted">
          Invitation sent to {sent}.
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
        {invite.isPending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}

function Teams({ teams }: { teams: TeamRow[] }) {
  const act = useAdminCall();
  const [name, setName] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const errors = useFieldErrors(act.error, form, "name");
  return (
    <section className="card" aria-labelledby="teams-h">
      <h2 id="teams-h">Teams</h2>
      {teams.length ? (
        <ul className="plain-list">
          {teams.map((t) => (
            <li key={t.id} className="team-row">
              <strong>{t.name}</strong> <span className="muted">{plural(t.members, "member")}</span>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => {
                  const next = prompt("Rename the team", t.name);
                  if (next && next !== t.name)
                    act.mutate({ path: `/api/admin/teams/${t.id}`, method: "PATCH", body: { name: next } });
                }}
              >
                Rename
              </button>
              <button
                type="button"
                className="btn btn-link"
                onClick={() =>
                  confirm(`Delete ${t.name}? Its conversations keep their history, without a team.`) &&
                  act.mutate({ path: `/api/admin/teams/${t.id}`, method: "DELETE" })
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No teams yet.</p>
      )}
      <form
        ref={form}
        className="inline-form"
        aria-label="Create a team"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          act.mutate({ path: "/api/admin/teams", method: "POST", body: { name } }, { onSuccess: () => setName("") });
        }}
      >
        <TextField
          label="New team"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <button type="submit" className="btn" disabled={act.isPending}>
          Create team
        </button>
      </form>
    </section>
  );
}
