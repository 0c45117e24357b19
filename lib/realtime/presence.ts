// Agents' presence: an agent is online while a dashboard of theirs holds the
// live-update stream open (it marks them seen every heartbeat) and they have not
// set themselves away. Shared through the database, so every instance agrees.
import { z } from "zod";
import type { Db, Tx } from "../db/client";

/** Seen within this long counts as online (the stream's heartbeat is every 20 s). */
export const ONLINE_WINDOW_MS = 60_000;
export const ZPresenceStatus = z.enum(["online", "away"]);

export async function touchPresence(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.agentPresence.upsert({
    where: { userId },
    create: { userId, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
}

/** How often one instance writes an agent's presence, however many of their dashboards are open. */
const KEEP_EVERY_MS = 10_000;
const keptAt = new Map<string, number>();

/** touchPresence for a heartbeat: an agent with several tabs open is written once per 10 s, not once per tab. */
export async function keepPresence(db: Db, userId: string, now = Date.now()): Promise<void> {
  if (now - (keptAt.get(userId) ?? -Infinity) < KEEP_EVERY_MS) return;
  if (keptAt.size > 10_000) keptAt.clear();
  keptAt.set(userId, now);
  await touchPresence(db, userId, new Date(now));
}

export async function setPresenceStatus(db: Db, userId: string, status: z.infer<typeof ZPresenceStatus>) {
  await db.agentPresence.upsert({ where: { userId }, create: { userId, status }, update: { status } });
}

/** Agents online now (connected recently and not away). */
export async function onlineAgentIds(db: Db | Tx, now = new Date()): Promise<Set<string>> {
  const rows = await db.agentPresence.findMany({
    where: { status: "online", lastSeenAt: { gt: new Date(now.getTime() - ONLINE_WINDOW_MS) } },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

export async function presenceStatus(db: Db, userId: string): Promise<"online" | "away"> {
  const row = await db.agentPresence.findUnique({ where: { userId }, select: { status: true } });
  return row?.status === "away" ? "away" : "online";
}
