// Wakes this process's stream hub when an event was written here. Kept apart
// (and on globalThis) so the event writers need not import the hub, and route
// bundles loaded separately by Next.js share one set of listeners.
type Poke = () => void;
const listeners = ((globalThis as { omnideskStreamPokes?: Set<Poke> }).omnideskStreamPokes ??= new Set());

export function onStreamPoke(listener: Poke): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function pokeStream(): void {
  for (const l of listeners) l();
}
