"use client";
// Tells colleagues (and, for typing, the customer) what this agent is doing in
// a conversation: viewing while it is open, typing while the composer changes.
import { useCallback, useEffect, useRef } from "react";

const VIEWING_EVERY_MS = 20_000;
const TYPING_EVERY_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

function report(conversationId: number, body: { typing?: boolean; viewing?: boolean }) {
  void fetch(`/api/conversations/${conversationId}/activity`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    keepalive: true,
  }).catch(() => undefined);
}

/**
 * Reports viewing while mounted (and at once when someone new starts viewing,
 * so they see us without waiting for our next ping); returns `typed()` for each
 * composer change and `stopped()` on send.
 */
export function useReportActivity(conversationId: number, viewers: string[]) {
  const lastTyping = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    report(conversationId, { viewing: true });
    const t = setInterval(() => report(conversationId, { viewing: true }), VIEWING_EVERY_MS);
    return () => {
      clearInterval(t);
      clearTimeout(idle.current);
      report(conversationId, { viewing: false, ...(lastTyping.current ? { typing: false } : {}) });
    };
  }, [conversationId]);

  const known = useRef(new Set<string>());
  const viewing = [...viewers].sort().join("\n");
  useEffect(() => {
    const newcomers = viewing.split("\n").filter((v) => v && !known.current.has(v));
    if (!newcomers.length) return;
    for (const v of newcomers) known.current.add(v);
    report(conversationId, { viewing: true });
  }, [conversationId, viewing]);

  const stopped = useCallback(() => {
    clearTimeout(idle.current);
    if (lastTyping.current) report(conversationId, { typing: false });
    lastTyping.current = 0;
  }, [conversationId]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now;
      report(conversationId, { typing: true });
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopped, TYPING_IDLE_MS);
  }, [conversationId, stopped]);

  return { typed, stopped };
}
