"use client";
// What an agent was writing in a conversation, kept in this browser until it is sent, so a reload or
// a look at another conversation loses nothing.
import { useCallback, useState } from "react";

export interface Draft {
  body: string;
  internal: boolean;
}
const EMPTY: Draft = { body: "", internal: false };
const keyOf = (conversationId: number) => `omnidesk.draft.${conversationId}`;

function read(conversationId: number): Draft {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(conversationId)) ?? "null") as Partial<Draft> | null;
    return stored ? { body: String(stored.body ?? ""), internal: !!stored.internal } : EMPTY;
  } catch {
    return EMPTY;
  }
}

/** The draft of one conversation; only rendered in the browser (the pane loads its data there). */
export function useDraft(conversationId: number) {
  const [draft, setDraft] = useState<Draft>(() => (typeof localStorage === "undefined" ? EMPTY : read(conversationId)));
  const update = useCallback(
    (change: Partial<Draft>) =>
      setDraft((d) => {
        const next = { ...d, ...change };
        try {
          if (next.body) localStorage.setItem(keyOf(conversationId), JSON.stringify(next));
          else localStorage.removeItem(keyOf(conversationId));
        } catch {
          // Storage full or disabled: the draft lives as long as the page.
        }
        return next;
      }),
    [conversationId],
  );
  return [draft, update] as const;
}
