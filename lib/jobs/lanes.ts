// Independent lanes of background work in one process. Each lane drains on its
// own (never two drains of one lane at once); waking while it drains makes it
// drain once more after. A lane stuck on a slow provider — a stalled SMTP
// server — never holds up another: inbound mail is ingested while a reply waits.
import { log } from "../log";

/** One pass of a lane's work; true when it stopped with more left to do. */
export type LaneWork = () => Promise<boolean>;

interface LaneState {
  running?: Promise<void>;
  again: boolean;
}

export interface Lanes<K extends string> {
  /** Drains every lane now (or right after the drain in progress). */
  wake(): void;
  /** Drains these lanes only. */
  wakeLane(...names: K[]): void;
  /** Resolves when no lane is draining. */
  idle(): Promise<void>;
}

export function createLanes<K extends string>(work: Record<K, LaneWork>): Lanes<K> {
  const names = Object.keys(work) as K[];
  const state = Object.fromEntries(names.map((n) => [n, { again: false }])) as Record<K, LaneState>;
  const run = (name: K) => {
    const lane = state[name];
    if (lane.running) {
      lane.again = true;
      return;
    }
    lane.running = work[name]()
      .then((more) => {
        if (more) lane.again = true;
      })
      .catch((err) => log.error("background lane failed", { lane: name, err }))
      .finally(() => {
        lane.running = undefined;
        if (lane.again) {
          lane.again = false;
          run(name);
        }
      });
  };
  const wakeLane = (...lanes: K[]) => lanes.forEach(run);
  return {
    wake: () => wakeLane(...names),
    wakeLane,
    async idle() {
      while (names.some((n) => state[n].running)) await Promise.all(names.map((n) => state[n].running));
    },
  };
}
