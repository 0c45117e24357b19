"use client";
import { useQuery } from "@tanstack/react-query";
import type { listCustomerConversations } from "@/lib/conversations/queries";
import { api, type Json } from "../shared/api-client";
import { portalKeys } from "./query-keys";

export type MyConversation = Json<Awaited<ReturnType<typeof listCustomerConversations>>[number]>;

export function useMyConversations() {
  return useQuery({
    queryKey: portalKeys.list(),
    queryFn: () => api<{ items: MyConversation[] }>("/api/portal/conversations"),
  });
}
