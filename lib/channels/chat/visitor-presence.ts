// Whether a chat visitor has the widget open: its event stream marks them seen
// every heartbeat (20 s). Shared through the database like agents' presence.
import type { Db } from "../../db/client";
import { ONLINE_WINDOW_MS } from "../../realtime/presence";

export async function touchVisitor(db: Db, identity: string, now = new Date()): Promise<void> {
  await db.visitorPresence.upsert({
    where: { identity },
    create: { identity, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
}

/** True if any of these chat identities was seen within the window. */
export async function visitorOnline(db: Db, identities: string[], now = new Date()): Promise<boolean> {
  if (!identities.length) return false;
  const seen = await db.visitorPresence.count({
    where: { identity: { in: identities }, lastSeenAt: { gt: new Date(now.getTime() - ONLINE_WINDOW_MS) } },
  });
  return seen > 0;
}
