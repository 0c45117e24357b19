"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../shared/api-client";
import { portalKeys } from "./query-keys";

export function useStartConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { subject: string; body: string }) =>
      api<{ id: number }>("/api/portal/conversations", { method: "POST", body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: portalKeys.list() }),
  });
}

export function usePortalReply(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api(`/api/portal/conversations/${conversationId}/messages`, { method: "POST", body: { body } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: portalKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: portalKeys.list() });
    },
  });
}
