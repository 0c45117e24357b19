"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InboxItem } from "@/lib/conversations/queries";
import type { BulkOutcome, TBulkAction } from "@/lib/conversations/bulk";
import { api, type Json } from "../shared/api-client";
import { searchString } from "../shared/search-string";
import { inboxKeys, type InboxFilters } from "./query-keys";

export interface InboxPage {
  items: Json<InboxItem>[];
  nextCursor: string | null;
  /** on the first page: how many conversations the view holds */
  total: number | null;
  /** search ranks at most the best 1,000 */
  capped: boolean;
  slaWarnMinutes: number;
}

export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(filters),
    queryFn: ({ pageParam }) => {
      const q = searchString({ ...filters, limit: "25", cursor: pageParam ?? undefined });
      return api<InboxPage>(`/api/conversations?${q}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useBulkAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: TBulkAction) =>
      api<{ results: BulkOutcome[]; succeeded: number; failed: number }>("/api/conversations/bulk", {
        method: "POST",
        body: action,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
