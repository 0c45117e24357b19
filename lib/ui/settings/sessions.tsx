"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "@/lib/sessions/sessions";
import { api, type Json } from "../shared/api-client";
import { formatTime } from "../shared/format";
import { FormError, QueryStates } from "../shared/states";
import { plural } from "@/lib/shared/plural";

const sessionKeys = { all: ["sessions"] as const };

export function Sessions() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: sessionKeys.all,
    queryFn: () => api<{ sessions: Json<SessionView>[] }>("/api/sessions"),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: sessionKeys.all });
  const endOne = useMutation({
    mutationFn: (id: string) => api(`/api/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const endOthers = useMutation({
    mutationFn: () => api<{ ended: number }>("/api/sessions", { method: "DELETE" }),
    onSuccess: refresh,
  });
  return (
    <>
      <QueryStates query={q} isEmpty={() => !q.data?.sessions.length} empty="No sessions.">
        {() => (
          <table className="table" aria-label="Sessions">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">
                  <span className="sr-only">End</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data!.sessions.map((s) => (
                <tr key={s.id} data-testid="session-row">
                  <td>
                    {s.userAgent ?? "Unknown device"}
                    {s.current && <span className="badge">this browser</span>}
                  </td>
                  <td>{s.ip ?? "—"}</td>
                  <td>{formatTime(s.createdAt)}</td>
                  <td>{formatTime(s.lastSeenAt)}</td>
                  <td>
                    {!s.current && (
                      <button type="button" className="btn-link" onClick={() => endOne.mutate(s.id)}>
                        Sign out
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStates>
      <FormError message={endOne.error?.message ?? endOthers.error?.message} />
      <button type="button" className="btn" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
        Sign out everywhere else
      </button>
      {endOthers.data && (
        <p role="status" className="muted">
          Signed out {plural(endOthers.data.ended, "other session")}.
        </p>
      )}
    </>
  );
}
