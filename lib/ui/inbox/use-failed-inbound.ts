// Inbound messages that failed for good: the list (with its total), and sending one through again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { listFailedInbound } from "@/lib/channels/failed-inbound";
import { api, type Json } from "../shared/api-client";
import { inboxKeys } from "./query-keys";

export type FailedInboundPage = Json<Awaited<ReturnType<typeof listFailedInbound>>>;

/** Nothing pushes a job's failure to the browser: the list is read again every half minute. */
const REFRESH_MS = 30_000;

export function useFailedInbound() {
  return useQuery({
    queryKey: inboxKeys.failedInbound(),
    queryFn: () => api<FailedInboundPage>("/api/inbound/failed?limit=100"),
    refetchInterval: REFRESH_MS,
  });
}

export function useRetryFailedInbound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/inbound/failed/${encodeURIComponent(id)}/retry`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.failedInbound() }),
  });
}
