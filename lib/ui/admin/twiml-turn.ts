// Reads the TwiML the IVR returned into what the simulator shows: what the
// caller hears, and what the call waits for next. Browser-only (DOMParser).

export type Waiting =
  | { kind: "gather"; url: string }
  | { kind: "record"; url: string; transcribeUrl: string | null }
  | { kind: "enqueue"; url: string; waitUrl: string | null; queue: string }
  | { kind: "dial"; url: string; to: string }
  | { kind: "hangup" };

export interface Turn {
  heard: string[];
  waiting: Waiting;
}

function heardFrom(el: Element): string | null {
  if (el.tagName === "Say") return el.textContent ?? "";
  if (el.tagName === "Play") return `[audio: ${el.textContent ?? ""}]`;
  return null;
}

export function readTwiml(xml: string): Turn {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const heard: string[] = [];
  for (const el of Array.from(doc.documentElement.children)) {
    const line = heardFrom(el);
    if (line !== null) heard.push(line);
    const attr = (name: string) => el.getAttribute(name);
    switch (el.tagName) {
      case "Gather":
        for (const inner of Array.from(el.children)) {
          const said = heardFrom(inner);
          if (said !== null) heard.push(said);
        }
        return { heard, waiting: { kind: "gather", url: attr("action")! } };
      case "Record":
        return { heard, waiting: { kind: "record", url: attr("action")!, transcribeUrl: attr("transcribeCallback") } };
      case "Enqueue":
        return {
          heard,
          waiting: { kind: "enqueue", url: attr("action")!, waitUrl: attr("waitUrl"), queue: el.textContent ?? "" },
        };
      case "Dial":
        return { heard, waiting: { kind: "dial", url: attr("action")!, to: el.textContent ?? "" } };
      case "Hangup":
        return { heard, waiting: { kind: "hangup" } };
    }
  }
  return { heard, waiting: { kind: "hangup" } };
}
