// One hub per app instance: it reads new feed events once (when woken by this
// process, by PostgreSQL NOTIFY from any instance, or by a slow safety poll)
// and hands each to the subscribers allowed to see it. Subscribers joining
// with a last-seen id first get what they missed, then the live events, with
// nothing lost or repeated in between.
import type { Db } from "../db/client";
import { log } from "../log";
import type { Signal } from "./signals";

export interface StreamEvent {
  id: number;
  type: string;
  conversationId: number | null;
  /** the conversation's customer: customers receive only their own events */
  customerId: string | null;
  staffOnly: boolean;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Audience {
  /** undefined: staff, who see everything */
  customerId?: string;
}

export interface Subscriber {
  audience: Audience;
  send(event: StreamEvent): void;
  /** more was missed than a reconnect replays: the client should reload its data */
  reset(lastId: number): void;
  /** a passing signal (typing, viewing): not stored, not replayed */
  signal?(s: Signal): void;
}

/** How many missed events a reconnecting subscriber is replayed; beyond that it reloads. */
export const MAX_REPLAY = 500;
const BATCH = 500;

export const mayReceive = (a: Audience, e: { staffOnly: boolean; customerId: string | null }) =>
  a.customerId === undefined || (!e.staffOnly && e.customerId === a.customerId);

interface Entry {
  sub: Subscriber;
  cursor: number;
  /** live events that arrived while the backlog was being read */
  pending?: StreamEvent[];
}

export class StreamHub {
  private entries = new Set<Entry>();
  private cursor: number | undefined;
  private reading: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly opts: { pollMs: number },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The newest event id: a subscriber without a last-seen id starts after it. */
  async head(): Promise<number> {
    const last = await this.db.$transaction((tx) =>
      tx.streamEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    );
    return last?.id ?? 0;
  }

  /** Subscribes from `after` (events with larger ids follow); returns the unsubscribe. */
  async subscribe(sub: Subscriber, after: number): Promise<() => void> {
    this.startPolling();
    if (this.cursor === undefined) this.cursor = await this.head();
    const entry: Entry = { sub, cursor: after, pending: [] };
    this.entries.add(entry);
    try {
      const missed = await this.read(after, this.cursor, MAX_REPLAY + 1, sub.audience);
      if (missed.length > MAX_REPLAY) {
        entry.cursor = this.cursor;
        sub.reset(this.cursor);
      } else {
        for (const e of missed) this.deliver(entry, e);
      }
    } finally {
      const pending = entry.pending ?? [];
      entry.pending = undefined;
      for (const e of pending) this.deliver(entry, e);
    }
    return () => {
      this.entries.delete(entry);
      if (!this.entries.size) this.stopPolling();
    };
  }

  /** Reads what is new (coalescing calls while a read runs). */
  wake(): void {
    if (!this.entries.size) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew()
      .then(() => undefined)
      .catch((err) => log.error("stream hub read failed", { err }))
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /**
   * After a write in this process, which may not have committed when it said so:
   * read at once, then again after 2, 4, 8… ms until something new shows up (up to ~250 ms).
   */
  chase(): void {
    if (!this.entries.size) return;
    const attempt = (delay: number) =>
      setTimeout(() => {
        const before = this.cursor;
        this.wake();
        void this.settle().then(() => {
          if (this.cursor === before && delay < 128) attempt(delay * 2);
        });
      }, delay).unref();
    attempt(1);
  }

  /** Hands a signal to the subscribers who may see it. */
  signal(s: Signal): void {
    for (const entry of this.entries) {
      if (!mayReceive(entry.sub.audience, s)) continue;
      try {
        entry.sub.signal?.(s);
      } catch (err) {
        log.warn("stream subscriber failed; dropping it", { err });
        this.entries.delete(entry);
      }
    }
  }

  /** Lets a read in progress finish (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.reading) await this.reading;
  }

  close(): void {
    this.entries.clear();
    this.stopPolling();
  }

  private async readNew(): Promise<void> {
    if (this.cursor === undefined) this.cursor = await this.head();
    for (;;) {
      const events = await this.read(this.cursor, undefined, BATCH);
      for (const e of events) {
        this.cursor = e.id;
        for (const entry of this.entries) {
          if (!mayReceive(entry.sub.audience, e)) continue;
          if (entry.pending) entry.pending.push(e);
          else this.deliver(entry, e);
        }
      }
      if (events.length < BATCH) return;
    }
  }

  private deliver(entry: Entry, e: StreamEvent): void {
    if (e.id <= entry.cursor) return;
    entry.cursor = e.id;
    try {
      entry.sub.send(e);
    } catch (err) {
      log.warn("stream subscriber failed; dropping it", { err });
      this.entries.delete(entry);
    }
  }

  private async read(after: number, upTo: number | undefined, take: number, audience?: Audience) {
    // Inside a transaction: on SQLite the app shares one connection, and a plain read
    // would see another transaction's uncommitted rows — whose ids a rollback hands
    // out again, so the cursor would pass events that commit later. Transactions
    // take turns, so this read sees committed rows only.
    const rows = await this.db.$transaction((tx) =>
      tx.streamEvent.findMany({
        where: {
          id: { gt: after, ...(upTo !== undefined ? { lte: upTo } : {}) },
          ...(audience?.customerId !== undefined
            ? { staffOnly: false, conversation: { customerId: audience.customerId } }
            : {}),
        },
        orderBy: { id: "asc" },
        take,
        select: {
          id: true,
          type: true,
          conversationId: true,
          staffOnly: true,
          data: true,
          createdAt: true,
          conversation: { select: { customerId: true } },
        },
      }),
    );
    return rows.map((r): StreamEvent => ({
      id: r.id,
      type: r.type,
      conversationId: r.conversationId,
      customerId: r.conversation?.customerId ?? null,
      staffOnly: r.staffOnly,
      data: JSON.parse(r.data) as Record<string, unknown>,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  private startPolling(): void {
    if (this.timer || !Number.isFinite(this.opts.pollMs)) return;
    this.timer = setInterval(() => this.wake(), this.opts.pollMs);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
