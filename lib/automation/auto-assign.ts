// Auto-assignment inside a team, through the database so every instance agrees:
// at the moment a conversation reaches a team, and whenever an agent has room
// again (capacity freed, came online) for those still waiting.
import { recordEvents } from "../audit/record-event";
import { notify } from "../users/notifications";
import type { Db, Tx } from "../db/client";
import { log } from "../log";
import { OPEN_STATUSES } from "../shared/vocabulary";
import { ONLINE_WINDOW_MS, onlineAgentIds } from "../realtime/presence";
import { chooseAssignee } from "./assignment";
import { type AutomationConfig, loadAutomation } from "./config";

/** Assigns one unassigned conversation of the team if an agent has room; returns who got it. */
export async function autoAssign(
  tx: Tx,
  conversationId: number,
  teamId: string,
  cfg: AutomationConfig,
  now: Date,
): Promise<string | null> {
  const team = cfg.assignment.teams[teamId];
  if (!team || team.mode === "off") return null;
  const members = await tx.teamMember.findMany({
    where: { teamId, user: { role: { in: ["agent", "admin"] }, deactivatedAt: null } },
    select: { userId: true, lastAssignedAt: true },
  });
  if (!members.length) return null;
  const online = await onlineAgentIds(tx, now);
  const counts = await tx.conversation.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { in: members.map((m) => m.userId) }, status: { in: OPEN_STATUSES } },
    _count: { _all: true },
  });
  const userId = chooseAssignee(
    team.mode,
    team.capacity,
    members.map((m) => ({
      userId: m.userId,
      lastAssignedAt: m.lastAssignedAt,
      online: online.has(m.userId),
      open: counts.find((c) => c.assigneeId === m.userId)?._count._all ?? 0,
    })),
  );
  if (!userId) return null;
  // Only if still unassigned: a person or another instance may have got there first.
  const won = await tx.conversation.updateMany({
    where: { id: conversationId, assigneeId: null, teamId },
    data: { assigneeId: userId },
  });
  if (won.count !== 1) return null;
  await tx.teamMember.update({ where: { userId_teamId: { userId, teamId } }, data: { lastAssignedAt: now } });
  await recordEvents(tx, [
    { action: "conversation.assigned", conversationId, data: { from: null, to: userId, by: "auto", mode: team.mode } },
  ]);
  await notify(tx, { userId, kind: "assigned", conversationId });
  return userId;
}

/** Assigns the team's waiting conversations, oldest first, while an agent has room; returns how many. */
export async function assignQueue(tx: Tx, teamId: string, cfg: AutomationConfig, now: Date, limit = 50) {
  const team = cfg.assignment.teams[teamId];
  if (!team || team.mode === "off") return 0;
  const waiting = await tx.conversation.findMany({
    where: { teamId, assigneeId: null, status: { in: OPEN_STATUSES } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  let assigned = 0;
  for (const { id } of waiting) {
    if (!(await autoAssign(tx, id, teamId, cfg, now))) break;
    assigned++;
  }
  return assigned;
}

/**
 * The worker's periodic pass: gives back conversations of agents offline for
 * too long (when configured), then assigns waiting conversations, oldest first,
 * while agents have room.
 */
export async function assignWaiting(db: Db, now = new Date()): Promise<number> {
  const cfg = await loadAutomation(db);
  const teamIds = Object.entries(cfg.assignment.teams)
    .filter(([, t]) => t.mode !== "off")
    .map(([id]) => id);
  if (!teamIds.length) return 0;
  if (cfg.assignment.reassignAfterOfflineMinutes) {
    await releaseFromOffline(db, teamIds, cfg.assignment.reassignAfterOfflineMinutes, now);
  }
  let assigned = 0;
  for (const teamId of teamIds) assigned += await db.$transaction((tx) => assignQueue(tx, teamId, cfg, now));
  if (assigned) log.info("auto-assigned waiting conversations", { assigned });
  return assigned;
}

async function releaseFromOffline(db: Db, teamIds: string[], minutes: number, now: Date) {
  // Online agents' presence is fresher than the window; an agent who never opened a dashboard has no row and keeps theirs.
  const cutoff = new Date(now.getTime() - Math.max(minutes * 60_000, ONLINE_WINDOW_MS));
  const gone = await db.agentPresence.findMany({ where: { lastSeenAt: { lt: cutoff } }, select: { userId: true } });
  if (!gone.length) return;
  const stale = await db.conversation.findMany({
    where: {
      teamId: { in: teamIds },
      status: { in: OPEN_STATUSES },
      assigneeId: { in: gone.map((g) => g.userId) },
    },
    take: 200,
    select: { id: true, assigneeId: true },
  });
  for (const c of stale) {
    await db.$transaction(async (tx) => {
      const released = await tx.conversation.updateMany({
        where: { id: c.id, assigneeId: c.assigneeId },
        data: { assigneeId: null },
      });
      if (released.count !== 1) return;
      await recordEvents(tx, [
        {
          action: "conversation.assigned",
          conversationId: c.id,
          data: { from: c.assigneeId, to: null, by: "auto", reason: `offline for ${minutes} min` },
        },
      ]);
    });
  }
}
