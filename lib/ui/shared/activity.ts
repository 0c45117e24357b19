"use client";
// Who is typing or viewing, per conversation, from the stream's signals. Kept
// in the query cache (no server state behind it); entries expire by themselves
// when the signals stop (a closed tab sends no "stopped").
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { sharedKeys } from "./query-keys";

export interface ActivitySignal {
  type: "typing" | "viewing";
  conversationId: number;
  data: { by: "agent" | "customer"; userId?: string; name: string; active: boolean };
}
interface Entry {
  type: "typing" | "viewing";
  by: "agent" | "customer";
  userId?: string;
  name: string;
  until: number;
}
type Activity = Record<string, Entry>;

const TTL_MS = { typing: 6_000, viewing: 45_000 };

export function recordSignal(client: QueryClient, s: ActivitySignal) {
  client.setQueryData<Activity>(sharedKeys.activity(s.conversationId), (prev = {}) => {
    const key = `${s.type}:${s.data.by}:${s.data.userId ?? ""}`;
    const next = { ...prev };
    if (s.data.active)
      next[key] = {
        type: s.type,
        by: s.data.by,
        userId: s.data.userId,
        name: s.data.name,
        until: Date.now() + TTL_MS[s.type],
      };
    else delete next[key];
    return next;
  });
}

/** Current viewers and typists of a conversation, other than me. */
export function useActivity(conversationId: number, selfId?: string) {
  const { data } = useQuery<Activity>({
    queryKey: sharedKeys.activity(conversationId),
    queryFn: () => ({}),
    initialData: {},
    staleTime: Number.POSITIVE_INFINITY,
  });
  // Re-render as entries expire (a clock, not a request).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);
  const live = Object.values(data ?? {}).filter((e) => e.until > now && !(e.by === "agent" && e.userId === selfId));
  return {
    viewers: live.filter((e) => e.type === "viewing").map((e) => e.name),
    typing: live.filter((e) => e.type === "typing").map((e) => (e.by === "customer" ? "The customer" : e.name)),
  };
}
