"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CustomerStory } from "@/lib/conversations/customer-story";
import type { TAttributeDefinition } from "@/lib/customers/profile";
import { api, type Json } from "../shared/api-client";
import { inboxKeys } from "../inbox/query-keys";

export type CustomerView = Json<CustomerStory>;

export function useCustomer(id: string) {
  return useQuery({
    queryKey: inboxKeys.customer(id),
    queryFn: () => api<CustomerView>(`/api/customers/${encodeURIComponent(id)}`),
  });
}

/** Every change to a customer answers with (or is followed by) the whole story again. */
export function useCustomerMutation<I>(id: string, request: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.customer(id) }),
  });
}

export function useAttributeDefinitions() {
  return useQuery({
    queryKey: inboxKeys.attributeDefinitions(),
    queryFn: () => api<{ definitions: TAttributeDefinition[] }>("/api/customers/attributes"),
  });
}
