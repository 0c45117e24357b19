// TOTP two-factor sign-in (RFC 6238, 30-second codes, any authenticator app)
// with one-time recovery codes. The secret is sealed at rest; each accepted
// code's time step is remembered, so a code seen over someone's shoulder cannot
// be used again.
import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { open, seal } from "../crypto/secret-box";

const ISSUER = "Omnidesk";
const RECOVERY_CODES = 10;

export const ZOtpCode = z.strictObject({ code: z.string().trim().min(6).max(32) });

const totp = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

export async function twoFactorStatus(db: Db, userId: string) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  const left = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: !!u.totpEnabledAt, enabledAt: u.totpEnabledAt, recoveryCodesLeft: left };
}

/** Starts enrolment: a new secret (not yet in force) and what an authenticator app scans. */
export async function beginTwoFactor(db: Db, userId: string, appSecret: string) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (u.totpEnabledAt)
    throw new AppError(409, "already_enabled", "Two-factor sign-in is already on; turn it off first");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db.user.update({ where: { id: userId }, data: { totpSecretEnc: seal(secret, appSecret), totpLastStep: null } });
  const uri = totp(secret, u.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1 }) };
}

/** The step a code belongs to, if it is valid now (±1 step for clock drift) and newer than the last one used. */
function acceptedStep(secretBase32: string, code: string, lastStep: number | null, now: number): number | null {
  const delta = totp(secretBase32, "x").validate({ token: code.replace(/\s/g, ""), timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Confirms enrolment with a code from the app; returns the recovery codes, shown this once. */
export async function enableTwoFactor(db: Db, userId: string, code: string, appSecret: string, now = Date.now()) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true },
  });
  if (u.totpEnabledAt) throw new AppError(409, "already_enabled", "Two-factor sign-in is already on");
  if (!u.totpSecretEnc) throw new AppError(409, "not_started", "Start the set-up first");
  const step = acceptedStep(open(u.totpSecretEnc, appSecret), code, null, now);
  if (step === null)
    throw new AppError(400, "invalid_code", "That code is not right: check the app's clock and try the current code");
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date(now), totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashCode(c) })) });
    await recordEvent(tx, { action: "auth.two_factor_enabled", actorUserId: userId });
  });
  return { recoveryCodes: codes };
}

/**
 * Checks a sign-in's second factor: a current authenticator code (never one
 * used before) or an unused recovery code (used up by this).
 */
export async function verifySecondFactor(db: Db, userId: string, code: string, appSecret: string, now = Date.now()) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecretEnc: true, totpLastStep: true },
  });
  if (!u.totpSecretEnc) return false;
  const step = /^\s*\d{6}\s*$/.test(code)
    ? acceptedStep(open(u.totpSecretEnc, appSecret), code, u.totpLastStep, now)
    : null;
  if (step !== null) {
    // Conditional, so two sign-ins racing with the same code cannot both win.
    const won = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return won.count === 1;
  }
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashCode(code), usedAt: null },
    data: { usedAt: new Date(now) },
  });
  if (used.count) await recordEvent(db, { action: "auth.recovery_code_used", actorUserId: userId });
  return used.count > 0;
}

export async function disableTwoFactor(db: Db, userId: string, code: string, appSecret: string) {
  if (!(await verifySecondFactor(db, userId, code, appSecret))) {
    throw new AppError(400, "invalid_code", "Enter a current code (or a recovery code) to turn two-factor sign-in off");
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordEvent(tx, { action: "auth.two_factor_disabled", actorUserId: userId });
  });
}

export async function requiresSecondFactor(db: Db, userId: string): Promise<boolean> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return !!u?.totpEnabledAt;
}
