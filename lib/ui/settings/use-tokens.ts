"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateToken, TokenView } from "@/lib/tokens/api-tokens";
import { api, type Json } from "../shared/api-client";
import { settingsKeys } from "./query-keys";

export type TokenRow = Json<TokenView>;

export function useTokens() {
  return useQuery({ queryKey: settingsKeys.tokens(), queryFn: () => api<{ tokens: TokenRow[] }>("/api/tokens") });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateToken) =>
      api<TokenRow & { token: string }>("/api/tokens", { method: "POST", body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: settingsKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<TokenRow>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: settingsKeys.tokens() }),
  });
}
