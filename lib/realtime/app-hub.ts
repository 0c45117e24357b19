// This instance's stream hub, wired to what wakes it: writes in this process,
// and on PostgreSQL, NOTIFY from every instance (so any number of stateless
// instances can serve live updates). The safety poll catches anything missed.
import { databaseProvider, db } from "../db/client";
import { env } from "../env";
import { listenForStream } from "./pg-listener";
import { onStreamPoke } from "./poke";
import { onLocalSignal } from "./signals";
import { StreamHub } from "./stream-hub";

interface AppHub {
  hub: StreamHub;
  stop: () => Promise<void>;
}
const state = globalThis as unknown as { omnideskStreamHub?: AppHub };

export function appStreamHub(): StreamHub {
  if (state.omnideskStreamHub) return state.omnideskStreamHub.hub;
  const postgres = databaseProvider() === "postgres";
  const hub = new StreamHub(db(), { pollMs: postgres ? 5_000 : 1_000 });
  const unpoke = onStreamPoke(() => hub.chase());
  const unsignal = postgres ? () => undefined : onLocalSignal((s) => hub.signal(s));
  const unlisten = postgres
    ? listenForStream(
        env().DATABASE_URL,
        () => hub.wake(),
        (s) => hub.signal(s),
      )
    : async () => undefined;
  state.omnideskStreamHub = {
    hub,
    stop: async () => {
      unpoke();
      unsignal();
      hub.close();
      await unlisten();
    },
  };
  return hub;
}

/** Stops this instance's hub and its LISTEN connection (tests, shutdown). */
export async function stopAppStreamHub(): Promise<void> {
  const current = state.omnideskStreamHub;
  state.omnideskStreamHub = undefined;
  await current?.stop();
}
