// LISTEN on the feed's and the signals' channels over a dedicated PostgreSQL connection (a pooled
// one could be handed to someone else). Reconnects with backoff; after every
// (re)connect it wakes the hub once, since notifications sent while it was
// away are lost but the events are in the table.
import pg from "pg";
import { log } from "../log";
import { SIGNAL_CHANNEL, type Signal } from "./signals";
import { STREAM_CHANNEL } from "./stream-events";

export function listenForStream(
  url: string,
  onNotify: () => void,
  onSignal: (s: Signal) => void = () => undefined,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 500;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on("notification", (n) => {
      if (n.channel !== SIGNAL_CHANNEL) return onNotify();
      try {
        onSignal(JSON.parse(n.payload ?? "") as Signal);
      } catch {
        log.warn("unreadable signal ignored");
      }
    });
    c.on("error", (err) => log.warn("stream LISTEN connection failed", { err: err.message }));
    c.on("end", () => {
      if (stopped || client !== c) return;
      client = undefined;
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 30_000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${STREAM_CHANNEL}; LISTEN ${SIGNAL_CHANNEL}`);
      delay = 500;
      onNotify();
    } catch (err) {
      log.warn("stream LISTEN could not connect; retrying", { err: (err as Error).message, inMs: delay });
      await c.end().catch(() => undefined);
    }
  };
  void connect();

  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
