"use client";
// The agent's own presence: online (chats may expect an answer) or away.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client";
import { sharedKeys } from "./query-keys";

export function PresenceToggle() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: sharedKeys.presence(),
    queryFn: () => api<{ status: "online" | "away" }>("/api/me/presence"),
  });
  const set = useMutation({
    mutationFn: (status: "online" | "away") =>
      api<{ status: string }>("/api/me/presence", { method: "PUT", body: { status } }),
    onSuccess: (data) => qc.setQueryData(sharedKeys.presence(), data),
  });
  return (
    <select
      aria-label="My presence"
      className="presence-toggle"
      value={q.data?.status ?? "online"}
      disabled={q.isPending || set.isPending}
      onChange={(e) => set.mutate(e.target.value as "online" | "away")}
    >
      <option value="online">Online</option>
      <option value="away">Away</option>
    </select>
  );
}
