"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { InboxView } from "@/lib/conversations/views";
import { api } from "../shared/api-client";
import { inboxKeys, type InboxFilters } from "../inbox/query-keys";

export function useViews() {
  return useQuery({ queryKey: inboxKeys.views(), queryFn: () => api<{ views: InboxView[] }>("/api/views") });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; shared: boolean; filters: InboxFilters }) =>
      api<{ id: string }>("/api/views", { method: "POST", body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.views() }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.views() }),
  });
}
