"use client";
// Keeps the TanStack Query cache current from the server's event stream
// (/api/stream, Server-Sent Events): each event refreshes exactly the lists and
// the conversation it touches. EventSource reconnects by itself and sends the
// last id it saw, so nothing is missed across a dropped connection or a deploy.
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { inboxKeys } from "../inbox/query-keys";
import { STREAM_EVENT_TYPES } from "@/lib/shared/stream-event-types";
import { portalKeys } from "../portal/query-keys";
import { recordSignal, type ActivitySignal } from "./activity";

export interface LiveEvent {
  id: number;
  type: string;
  conversationId: number | null;
  data: Record<string, unknown>;
}

type Area = "inbox" | "portal";

/** The queries an event makes stale. */
export function staleKeys(area: Area, e: LiveEvent): QueryKey[] {
  if (area === "portal") {
    return [portalKeys.list(), ...(e.conversationId ? [portalKeys.conversation(e.conversationId)] : [])];
  }
  return [inboxKeys.lists(), ...(e.conversationId ? [inboxKeys.conversation(e.conversationId)] : [])];
}

/**
 * Reloads what an event made stale. A load already under way may have read before the change the event
 * reports, and a first load (no data yet) is joined rather than restarted by an invalidation — the
 * conversation an agent is just opening would miss the message that arrived meanwhile. So cancel first.
 */
export async function refresh(client: QueryClient, keys: QueryKey[]): Promise<void> {
  await Promise.all(
    keys.map(async (queryKey) => {
      await client.cancelQueries({ queryKey });
      await client.invalidateQueries({ queryKey });
    }),
  );
}

export function LiveUpdates({ area }: { area: Area }) {
  const client = useQueryClient();
  const [state, setState] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const connectedOnce = useRef(false);

  useEffect(() => {
    const source = new EventSource("/api/stream");
    const onEvent = (msg: MessageEvent<string>) =>
      void refresh(client, staleKeys(area, JSON.parse(msg.data) as LiveEvent));
    for (const type of STREAM_EVENT_TYPES) source.addEventListener(type, onEvent);
    source.addEventListener("ready", () => {
      // After a reconnect the replay covers what was missed; the first connect may follow a stale render.
      if (!connectedOnce.current) void refresh(client, [area === "portal" ? portalKeys.all : inboxKeys.all]);
      connectedOnce.current = true;
      setState("live");
    });
    const onSignal = (msg: MessageEvent<string>) => recordSignal(client, JSON.parse(msg.data) as ActivitySignal);
    source.addEventListener("typing", onSignal);
    source.addEventListener("viewing", onSignal);
    // More was missed than the server replays: reload everything shown.
    source.addEventListener("reset", () => void refresh(client, [area === "portal" ? portalKeys.all : inboxKeys.all]));
    source.onerror = () => setState("reconnecting");
    return () => source.close();
  }, [client, area]);

  return (
    <span className={`live-status live-${state}`} data-testid="live-status" title="Live updates">
      {state === "live" ? "Live" : state === "connecting" ? "Connecting…" : "Reconnecting…"}
    </span>
  );
}
