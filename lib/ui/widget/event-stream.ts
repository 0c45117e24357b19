// Server-Sent Events over fetch: EventSource cannot send the visitor token
// (it lives in this frame's storage, not in a cookie a third-party frame would
// lose). Reconnects after a drop and resumes from the last id, like EventSource.
export function openEventStream(
  url: string,
  headers: () => Record<string, string>,
  onEvent: (type: string, data: string) => void,
  onState: (live: boolean) => void,
): () => void {
  let stopped = false;
  let lastId = "";
  const controller = new AbortController();
  const run = async () => {
    while (!stopped) {
      try {
        const res = await fetch(url, {
          headers: { ...headers(), ...(lastId ? { "last-event-id": lastId } : {}) },
          signal: controller.signal,
        });
        if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
        onState(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let end;
          while ((end = buf.indexOf("\n\n")) >= 0) {
            const frame = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const id = /^id: (.*)$/m.exec(frame)?.[1];
            if (id) lastId = id;
            const type = /^event: (.*)$/m.exec(frame)?.[1];
            if (type) onEvent(type, /^data: (.*)$/m.exec(frame)?.[1] ?? "{}");
          }
        }
      } catch {
        if (stopped) return;
      }
      onState(false);
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller.abort();
  };
}
