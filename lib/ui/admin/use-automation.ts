"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AutomationConfig } from "@/lib/automation/config";
import { api } from "../shared/api-client";
import { adminKeys } from "./query-keys";

export interface AutomationData {
  config: AutomationConfig;
  defaults: AutomationConfig;
  agents: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

export function useAutomation() {
  return useQuery({ queryKey: adminKeys.automation(), queryFn: () => api<AutomationData>("/api/admin/automation") });
}

/** Saves the parts given; the others stay as stored. */
export function useSaveAutomation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (config: Partial<AutomationConfig>) =>
      api<{ config: AutomationConfig }>("/api/admin/automation", { method: "PUT", body: { config } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.automation() }),
  });
}
