// Signed-in sessions a user can see and end. The session cookie (a next-auth
// JWT) carries the session's id; the gateway refuses a cookie whose session was
// ended, so "sign out everywhere" works although the cookies are stateless.
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { accountSelect, type AccountSummary } from "../users/accounts";

const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: Db, userId: string, client: { userAgent?: string; ip?: string }) {
  const session = await db.userSession.create({
    data: { userId, userAgent: client.userAgent?.slice(0, 300) ?? null, ip: client.ip?.slice(0, 64) ?? null },
    select: { id: true },
  });
  return session.id;
}

/**
 * The account behind a live session, or null when the session was ended (or is
 * someone else's) — one query on every request; marks the session seen at most
 * once a minute.
 */
export async function sessionAccount(
  db: Db,
  sessionId: string,
  userId: string,
  now = new Date(),
): Promise<AccountSummary | null> {
  const s = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { ...accountSelect, deactivatedAt: true } },
    },
  });
  if (!s || s.userId !== userId || s.revokedAt || s.user.deactivatedAt) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { deactivatedAt: _off, ...account } = s.user;
  return account as AccountSummary;
}

export async function listSessions(db: Db, userId: string, currentId: string | undefined) {
  const rows = await db.userSession.findMany({
    where: { userId, revokedAt: null },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === currentId }));
}
export type SessionView = Awaited<ReturnType<typeof listSessions>>[number];

export async function endSession(db: Db, userId: string, sessionId: string) {
  const ended = await db.userSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (!ended.count) throw notFound("Session");
  await recordEvent(db, { action: "auth.session_ended", actorUserId: userId, data: { sessionId } });
}

/** Sign out everywhere else: every live session of the user but the one asking. */
export async function endOtherSessions(db: Db, userId: string, keepId: string | undefined) {
  const ended = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepId ? { id: { not: keepId } } : {}) },
    data: { revokedAt: new Date() },
  });
  await recordEvent(db, { action: "auth.signed_out_everywhere", actorUserId: userId, data: { sessions: ended.count } });
  return ended.count;
}
