// Lockout after repeated failed password sign-ins for one account: five
// failures within fifteen minutes lock it for the rest of that window (a
// correct password does not help meanwhile), so guessing is slow even from
// many addresses; the per-IP rate limit slows a single address further.
// Every attempt is in the audit log.
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

/** When the account's lock ends, or null if it is not locked. */
export async function lockedUntil(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const recent = await db.signInAttempt.findMany({
    where: { email, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { succeeded: true, createdAt: true },
  });
  // Locked when the last MAX_FAILURES attempts in the window all failed.
  if (recent.length < MAX_FAILURES || recent.some((a) => a.succeeded)) return null;
  return new Date(recent.at(-1)!.createdAt.getTime() + WINDOW_MS);
}

export async function recordSignInAttempt(
  db: Db,
  attempt: { email: string; ip: string; succeeded: boolean; userId?: string; locked?: boolean },
): Promise<void> {
  await db.$transaction(async (tx) => {
    // A refused attempt against a locked account is logged, but does not extend the lock.
    if (!attempt.locked) {
      await tx.signInAttempt.create({ data: { email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded } });
    }
    if (!attempt.succeeded) {
      await recordEvent(tx, {
        action: attempt.locked ? "auth.sign_in_locked" : "auth.sign_in_failed",
        actorUserId: attempt.userId ?? null,
        data: { email: attempt.email, ip: attempt.ip },
      });
    }
  });
}
