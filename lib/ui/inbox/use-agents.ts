"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../shared/api-client";
import { inboxKeys } from "./query-keys";

export interface AgentsAndTeams {
  agents: Array<{ id: string; name: string; role: string }>;
  teams: Array<{ id: string; name: string }>;
  /** admin-defined statuses on top of the fixed ones */
  statuses: Array<{ id: string; name: string; category: string }>;
}

export function useAgents() {
  return useQuery({
    queryKey: inboxKeys.agents(),
    queryFn: () => api<AgentsAndTeams>("/api/agents"),
    staleTime: 60_000,
  });
}
