// A subscription as a Server-Sent Events response: `id:` lines carry the feed
// id, so EventSource sends it back as Last-Event-ID when it reconnects and the
// hub replays what was missed. A comment every 20 s keeps proxies from timing out.
import { z } from "zod";
import type { Audience, StreamEvent, StreamHub } from "./stream-hub";

const HEARTBEAT_MS = 20_000;
const encoder = new TextEncoder();

/** The id to resume after: the Last-Event-ID header, else `?after=`, else "from now". */
export function resumeId(header: string | null, query: number | undefined): number | undefined {
  const fromHeader = z.coerce
    .number()
    .int()
    .min(0)
    .safeParse(header ?? undefined);
  return fromHeader.success ? fromHeader.data : query;
}

// One event goes to every connection of the instance: encode it once, not once per connection.
const frames = new WeakMap<StreamEvent, Uint8Array>();
function frame(e: StreamEvent): Uint8Array {
  let bytes = frames.get(e);
  if (!bytes) {
    const { id, type, conversationId, data, createdAt } = e;
    bytes = encoder.encode(
      `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ id, type, conversationId, data, createdAt })}\n\n`,
    );
    frames.set(e, bytes);
  }
  return bytes;
}

export async function sseResponse(
  hub: StreamHub,
  audience: Audience,
  after: number | undefined,
  signal: AbortSignal,
  /** called when the stream opens and at every heartbeat while it stays open (presence) */
  onAlive: () => Promise<void> = async () => undefined,
): Promise<Response> {
  const start = after ?? (await hub.head());
  let unsubscribe: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  const stop = () => {
    closed = true;
    unsubscribe?.();
    unsubscribe = undefined;
    if (heartbeat) clearInterval(heartbeat);
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string | Uint8Array) => {
        try {
          controller.enqueue(typeof text === "string" ? encoder.encode(text) : text);
        } catch {
          // The browser is gone (the stream closed under a timer's write): stop, never throw from a timer.
          stop();
        }
      };
      // Tells the browser to retry after 1 s, and which id it is at even before the first event.
      write(`retry: 1000\nid: ${start}\nevent: ready\ndata: {}\n\n`);
      const alive = () => void onAlive().catch(() => undefined);
      alive();
      heartbeat = setInterval(() => {
        write(": keep-alive\n\n");
        alive();
      }, HEARTBEAT_MS);
      unsubscribe = await hub.subscribe(
        {
          audience,
          send: (e) => write(frame(e)),
          reset: (lastId) => write(`id: ${lastId}\nevent: reset\ndata: {}\n\n`),
          // No id: a signal is not part of the feed and is not replayed.
          signal: (s) => write(`event: ${s.type}\ndata: ${JSON.stringify(s)}\n\n`),
        },
        start,
      );
      // Hung up while subscribing: undo it now.
      if (closed || signal.aborted) stop();
    },
    cancel: stop,
  });
  signal.addEventListener("abort", stop);
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
