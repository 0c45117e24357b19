"use client";
import { useQuery } from "@tanstack/react-query";
import type { CustomerConversation } from "@/lib/conversations/queries";
import { api, type Json } from "../shared/api-client";
import { portalKeys } from "./query-keys";

export function usePortalConversation(id: number) {
  return useQuery({
    queryKey: portalKeys.conversation(id),
    queryFn: () => api<Json<CustomerConversation>>(`/api/portal/conversations/${id}`),
  });
}
