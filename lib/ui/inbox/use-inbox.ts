"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { InboxItem } from "@/lib/conversations/queries";
import { api, type Json } from "../shared/api-client";
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
      const q = new URLSearchParams({ limit: "25" });
      for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
      if (pageParam) q.set("cursor", pageParam);
      return api<InboxPage>(`/api/conversations?${q}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
