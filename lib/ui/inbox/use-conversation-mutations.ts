"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TConversationPatch } from "@/lib/conversations/update-conversation";
import type { TReply } from "@/lib/conversations/reply";
import { api } from "../shared/api-client";
import { inboxKeys } from "./query-keys";
import type { ConversationView } from "./use-conversation";

export function useReply(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TReply) =>
      api(`/api/conversations/${conversationId}/messages`, { method: "POST", body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
    },
  });
}

export function useUpdateConversation(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: TConversationPatch) =>
      api<ConversationView>(`/api/conversations/${conversationId}`, { method: "PATCH", body: patch }),
    onSuccess: (updated) => {
      qc.setQueryData(inboxKeys.conversation(conversationId), updated);
      void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
    },
  });
}
