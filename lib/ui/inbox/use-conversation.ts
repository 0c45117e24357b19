"use client";
import { useQuery } from "@tanstack/react-query";
import type { AgentConversation } from "@/lib/conversations/queries";
import { api, type Json } from "../shared/api-client";
import { inboxKeys } from "./query-keys";

export type ConversationView = Json<AgentConversation>;

export function useConversation(id: number | undefined) {
  return useQuery({
    queryKey: inboxKeys.conversation(id ?? 0),
    queryFn: () => api<ConversationView>(`/api/conversations/${id}`),
    enabled: id !== undefined,
  });
}
