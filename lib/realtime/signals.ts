// Passing signals — who is typing, who is viewing — that matter for seconds and
// are never stored or replayed. On PostgreSQL they travel as NOTIFY payloads to
// every instance (including this one); on SQLite (one instance) in-process.
import { databaseProvider, type Db } from "../db/client";

export interface Signal {
  type: "typing" | "viewing";
  conversationId: number;
  /** the conversation's customer (customers only get their own conversations' signals) */
  customerId: string;
  /** viewers and colleagues' drafts are for staff; an agent typing is shown to the customer too */
  staffOnly: boolean;
  data: { by: "agent" | "customer"; userId?: string; name: string; active: boolean };
}

export const SIGNAL_CHANNEL = "omnidesk_signal";

type Listener = (s: Signal) => void;
const listeners = ((globalThis as { omnideskSignalListeners?: Set<Listener> }).omnideskSignalListeners ??= new Set());

export function onLocalSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function publishSignal(db: Db, s: Signal): Promise<void> {
  if (databaseProvider() === "postgres") {
    await db.$executeRaw`SELECT pg_notify(${SIGNAL_CHANNEL}, ${JSON.stringify(s)})`;
    return;
  }
  for (const l of listeners) l(s);
}
