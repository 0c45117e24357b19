// The realtime feed: conversation events appended in commit order, in the same
// transaction as the change they describe, so a browser that reconnects with
// the last id it saw (SSE Last-Event-ID) gets exactly what it missed.
import { databaseProvider, type Tx } from "../db/client";
import { pokeStream } from "./poke";
import { STREAM_EVENT_TYPES } from "../shared/stream-event-types";

/** Events that change what an inbox or a portal shows. */
const STREAMED = new Set<string>(STREAM_EVENT_TYPES);

/** What customers may learn of: their own messages and their conversation's status, never notes or assignment. */
const CUSTOMER_VISIBLE = new Set([
  "conversation.created",
  "conversation.reopened",
  "conversation.status_changed",
  "message.received",
  "message.sent",
  "message.delivery_status",
  "message.delivery_failed",
  "message.seen",
]);

export const STREAM_CHANNEL = "omnidesk_stream";
// Any constant: one lock for every writer of the feed.
const FEED_LOCK = 7_243_001;

export interface StreamInput {
  action: string;
  conversationId?: number | null;
  data?: Record<string, unknown>;
}

export async function appendStreamEvents(tx: Tx, events: StreamInput[]): Promise<void> {
  const rows = events.filter((e) => e.conversationId && STREAMED.has(e.action));
  if (!rows.length) return;
  const postgres = databaseProvider() === "postgres";
  // Ids come from a sequence, but concurrent transactions could commit out of id
  // order and a reader past id 12 would never see a late 11. Writers of the feed
  // take turns (until commit) so ids become visible in order. SQLite has one writer anyway.
  if (postgres) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FEED_LOCK})`;
  await tx.streamEvent.createMany({
    data: rows.map((e) => ({
      type: e.action,
      conversationId: e.conversationId!,
      staffOnly: !CUSTOMER_VISIBLE.has(e.action),
      data: JSON.stringify(e.data ?? {}),
    })),
  });
  // NOTIFY is delivered at commit, to every instance listening (see pg-listener.ts).
  if (postgres) await tx.$executeRaw`SELECT pg_notify(${STREAM_CHANNEL}, '')`;
  pokeStream();
}
