"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../shared/api-client";
import { inboxKeys } from "./query-keys";

export interface CannedReplyView {
  id: string;
  title: string;
  shortcut: string;
  body: string;
  folder: string;
  shared: boolean;
  editable: boolean;
  owner: { name: string };
}

export function useCannedReplies() {
  return useQuery({
    queryKey: inboxKeys.cannedReplies(),
    queryFn: () => api<{ items: CannedReplyView[] }>("/api/canned-replies"),
    staleTime: 60_000,
  });
}

/** Create (no id) or change a canned reply; delete with `{ id, remove: true }`. */
export function useSaveCannedReply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, remove, ...body }: Partial<CannedReplyView> & { remove?: boolean }) =>
      remove
        ? api(`/api/canned-replies/${id}`, { method: "DELETE" })
        : api(id ? `/api/canned-replies/${id}` : "/api/canned-replies", { method: id ? "PATCH" : "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.cannedReplies() }),
  });
}

export const renderCannedReply = (conversationId: number, replyId: string) =>
  api<{ text: string; missing: string[] }>(`/api/conversations/${conversationId}/canned-replies/${replyId}`);
