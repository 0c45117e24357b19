"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MailboxView, TCreateMailbox } from "@/lib/channels/email/mailboxes";
import { api, type Json } from "../shared/api-client";
import { adminKeys } from "./query-keys";

export type MailboxRow = Json<MailboxView>;

export function useMailboxes() {
  return useQuery({
    queryKey: adminKeys.mailboxes(),
    queryFn: () => api<{ mailboxes: MailboxRow[] }>("/api/admin/mailboxes"),
    // Health changes on its own (syncs, errors): keep it fresh while the page is open.
    refetchInterval: 10_000,
  });
}

export function useMailboxMutations() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: adminKeys.mailboxes() });
  return {
    create: useMutation({
      mutationFn: (input: TCreateMailbox) => api<MailboxRow>("/api/admin/mailboxes", { method: "POST", body: input }),
      onSuccess: refresh,
    }),
    setEnabled: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
        api<MailboxRow>(`/api/admin/mailboxes/${id}`, { method: "PATCH", body: { enabled } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`/api/admin/mailboxes/${id}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
