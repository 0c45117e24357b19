"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "@/lib/sessions/sessions";
import { api, type Json } from "../shared/api-client";
import { formatTime } from "../shared/format";
import { FormError } from "../shared/states";
import { plural } from "@/lib/shared/plural";
import { QueryTable } from "../shared/data-table";
import { settingsKeys } from "./query-keys";

export function Sessions() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: settingsKeys.sessions(),
    queryFn: () => api<{ sessions: Json<SessionView>[] }>("/api/sessions"),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: settingsKeys.sessions() });
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
      <QueryTable
        query={q}
        empty="No sessions."
        label="Sessions"
        rows={() => q.data!.sessions}
        rowKey={(s) => s.id}
        rowTestId="session-row"
        columns={[
          {
            header: "Device",
            cell: (s) => (
              <>
                {s.userAgent ?? "Unknown device"}
                {s.current && <span className="badge">this browser</span>}
              </>
            ),
          },
          { header: "Address", cell: (s) => s.ip ?? "—" },
          { header: "Signed in", cell: (s) => formatTime(s.createdAt) },
          { header: "Last active", cell: (s) => formatTime(s.lastSeenAt) },
          {
            header: "End",
            hiddenHeader: true,
            cell: (s) =>
              !s.current && (
                <button type="button" className="btn-link" onClick={() => endOne.mutate(s.id)}>
                  Sign out
                </button>
              ),
          },
        ]}
      />
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
