"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { InboxItem } from "@/lib/conversations/queries";
import { api, type Json } from "../shared/api-client";
import { searchString } from "../shared/search-string";
import { inboxKeys, type InboxFilters } from "./query-keys";

export interface InboxPage {
  items: Json<InboxItem>[];
  nextCursor: string | null;
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
