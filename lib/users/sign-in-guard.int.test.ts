import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { lockedUntil, MAX_FAILURES, recordSignInAttempt, WINDOW_MS } from "./sign-in-guard";

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26, 9) + ms);

async function attemptAt(ms: number, succeeded: boolean, email = "pat@example.com") {
  await db().signInAttempt.create({ data: { email, ip: "198.51.100.1", succeeded, createdAt: at(ms) } });
}

describe("sign-in lockout", () => {
  it("locks an account after five failures in fifteen minutes, until the window has passed", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attemptAt(i * 1000, false);
    expect(await lockedUntil(db(), "pat@example.com", at(10_000))).toBeNull();
    await attemptAt(5000, false);
    expect(await lockedUntil(db(), "pat@example.com", at(10_000))).toEqual(at(WINDOW_MS));
    expect(await lockedUntil(db(), "pat@example.com", at(WINDOW_MS + 1))).toBeNull();
    expect(await lockedUntil(db(), "other@example.com", at(10_000))).toBeNull();
  });

  it("a success among the recent attempts means no lock", async () => {
    await attemptAt(0, false);
    await attemptAt(1000, true);
    for (let i = 2; i < 6; i++) await attemptAt(i * 1000, false);
    expect(await lockedUntil(db(), "pat@example.com", at(10_000))).toBeNull();
  });

  it("records failures in the audit log; attempts against a locked account don't extend the lock", async () => {
    await recordSignInAttempt(db(), { email: "pat@example.com", ip: "198.51.100.1", succeeded: false });
    await recordSignInAttempt(db(), { email: "pat@example.com", ip: "198.51.100.1", succeeded: false, locked: true });
    await recordSignInAttempt(db(), { email: "pat@example.com", ip: "198.51.100.1", succeeded: true });
    expect(await db().signInAttempt.count()).toBe(2);
    const events = await db().auditEvent.findMany({ orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in_failed", "auth.sign_in_locked"]);
    expect(JSON.parse(events[0]!.data)).toEqual({ email: "pat@example.com", ip: "198.51.100.1" });
  });
});
