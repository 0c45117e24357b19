"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IvrConfig } from "@/lib/shared/ivr-config";
import { api } from "../shared/api-client";
import { adminKeys } from "./query-keys";

export interface IvrSettingsView {
  config: IvrConfig;
  defaults: IvrConfig;
}

export function useIvrConfig() {
  return useQuery({ queryKey: adminKeys.ivr(), queryFn: () => api<IvrSettingsView>("/api/admin/ivr") });
}

export function useSaveIvrConfig() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (config: IvrConfig) =>
      api<{ config: IvrConfig }>("/api/admin/ivr", { method: "PUT", body: { config } }),
    onSuccess: ({ config }) =>
      qc.setQueryData<IvrSettingsView>(adminKeys.ivr(), (old) => (old ? { ...old, config } : old)),
  });
}
