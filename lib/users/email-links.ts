// One-time links sent by email: a password reset, and a customer's sign-in
// link ("magic link"). Only the token's hash is stored; a link works once and
// expires. Requests answer the same whether or not the address has an account,
// and an address gets at most a few links per quarter hour, so the form can be
// used neither to find accounts nor to flood someone's inbox.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db, Tx } from "../db/client";
import { badRequest } from "../errors";
import { enqueueSystemMail } from "../system-mail/system-mail";
import { passwordAllowed } from "./sso-roles";
import { accountSelect, type AccountSummary, hashPassword, ZPassword } from "./accounts";

export type LinkPurpose = "password_reset" | "sign_in" | "invite";

const TTL_MS: Record<LinkPurpose, number> = {
  password_reset: 60 * 60_000,
  sign_in: 15 * 60_000,
  invite: 7 * 24 * 60 * 60_000,
};
export const LINKS_PER_WINDOW = 3;
const THROTTLE_WINDOW_MS = 15 * 60_000;

export interface LinkContext {
  /** the origin people open links at (NEXTAUTH_URL) */
  baseUrl: string;
  /** seals the mail in the outbox */
  secret: string;
  passwordSignIn: "everyone" | "customers";
  /** the helpdesk's name in the mail */
  productName: string;
  now?: Date;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const normalise = (email: string) => email.trim().toLowerCase();

/** Stores a token and queues the mail, unless the address had its share of links lately. */
async function issueLink(
  db: Db,
  purpose: LinkPurpose,
  email: string,
  ctx: LinkContext,
  mail: (url: string) => { subject: string; text: string },
  linkPath: (token: string) => string,
): Promise<boolean> {
  const now = ctx.now ?? new Date();
  const recent = await db.emailToken.count({
    where: { email, purpose, createdAt: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
  });
  if (recent >= LINKS_PER_WINDOW) {
    await recordEvent(db, { action: "auth.email_link_throttled", data: { email, purpose } });
    return false;
  }
  const token = randomBytes(32).toString("base64url");
  const url = `${ctx.baseUrl.replace(/\/$/, "")}${linkPath(token)}`;
  await db.$transaction(async (tx) => {
    await tx.emailToken.create({
      data: {
        purpose,
        email,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + TTL_MS[purpose]),
        createdAt: now,
      },
    });
    await enqueueSystemMail(tx, { to: email, ...mail(url) }, ctx.secret);
    await recordEvent(tx, { action: `auth.${purpose}_requested`, data: { email } });
  });
  return true;
}

/** Marks the token used, once: the first caller wins, later ones (and expired tokens) get null. */
async function consumeToken(tx: Tx, purpose: LinkPurpose, token: string, now: Date): Promise<string | null> {
  const tokenHash = hashToken(token);
  const won = await tx.emailToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (won.count !== 1) return null;
  return (await tx.emailToken.findUniqueOrThrow({ where: { tokenHash }, select: { email: true } })).email;
}

const expiredLink = () => badRequest("link_invalid", "This link has expired or was already used. Ask for a new one.");

/** Sends a reset link if the address belongs to an account that may sign in with a password. */
export async function requestPasswordReset(db: Db, rawEmail: string, ctx: LinkContext): Promise<void> {
  const email = normalise(rawEmail);
  const user = await db.user.findUnique({ where: { email }, select: { role: true } });
  if (!user || !passwordAllowed(user.role, ctx.passwordSignIn)) return;
  await issueLink(
    db,
    "password_reset",
    email,
    ctx,
    (url) => ({
      subject: `Reset your ${ctx.productName} password`,
      text: `Someone (hopefully you) asked to reset the password for ${email}.\n\nChoose a new password here within the next hour:\n${url}\n\nIf it wasn't you, ignore this mail: your password stays as it is.`,
    }),
    (token) => `/reset-password?token=${token}`,
  );
}

/** Invites a new agent: a link to choose their password, valid for a week (false when throttled). */
export async function sendInvite(db: Db, email: string, inviter: string, ctx: LinkContext): Promise<boolean> {
  return issueLink(
    db,
    "invite",
    normalise(email),
    ctx,
    (url) => ({
      subject: `${inviter} invited you to ${ctx.productName}`,
      text: `${inviter} added you as an agent of ${ctx.productName}.

Choose your password here within seven days:
${url}

If you didn't expect this, ignore this mail.`,
    }),
    (token) => `/reset-password?token=${token}&invite=1`,
  );
}

/**
 * Sets a new password from a reset link (or an invitation's). Every session of the account ends
 * (whoever else was signed in is out), any lockout is lifted (the mailbox was
 * proof enough), and the account's other reset links stop working.
 */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  now = new Date(),
): Promise<AccountSummary> {
  const parsed = ZPassword.safeParse(password);
  if (!parsed.success) throw badRequest("invalid_password", parsed.error.issues[0]?.message ?? "Invalid password");
  const passwordHash = await hashPassword(parsed.data);
  return db.$transaction(async (tx) => {
    const email =
      (await consumeToken(tx, "password_reset", token, now)) ?? (await consumeToken(tx, "invite", token, now));
    if (!email) throw expiredLink();
    const user = await tx.user.findFirst({ where: { email, deactivatedAt: null }, select: accountSelect });
    if (!user) throw expiredLink();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.emailToken.updateMany({
      where: { email, purpose: { in: ["password_reset", "invite"] }, usedAt: null },
      data: { usedAt: now },
    });
    const ended = await tx.userSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.signInAttempt.create({ data: { email, ip: "password-reset", succeeded: true } });
    await recordEvent(tx, {
      action: "auth.password_reset",
      actorUserId: user.id,
      data: { sessionsEnded: ended.count },
    });
    return user as AccountSummary;
  });
}

/** Sends a sign-in link to a customer's address (a new address becomes a new customer when the link is used). */
export async function requestSignInLink(
  db: Db,
  rawEmail: string,
  ctx: LinkContext & { callbackUrl?: string },
): Promise<void> {
  const email = normalise(rawEmail);
  const user = await db.user.findUnique({ where: { email }, select: { role: true } });
  // Staff sign in with a password or SSO: a link in a mailbox must not open the inbox.
  if (user && user.role !== "customer") return;
  const callback = ctx.callbackUrl ? `&callbackUrl=${encodeURIComponent(ctx.callbackUrl)}` : "";
  await issueLink(
    db,
    "sign_in",
    email,
    ctx,
    (url) => ({
      subject: `Your ${ctx.productName} sign-in link`,
      text: `Use this link within 15 minutes to sign in as ${email}:\n${url}\n\nIt works once. If you didn't ask for it, ignore this mail.`,
    }),
    (token) => `/signin/link?token=${token}${callback}`,
  );
}

/**
 * Signs a customer in with a link: the account for that address, or the
 * customer we already know the address from (their history comes along — the
 * link proved the mailbox), or a new customer. Null when the link is spent.
 */
export async function signInWithLink(db: Db, token: string, now = new Date()): Promise<AccountSummary | null> {
  return db.$transaction(async (tx) => {
    const email = await consumeToken(tx, "sign_in", token, now);
    if (!email) return null;
    const user = await tx.user.findUnique({ where: { email }, select: accountSelect });
    if (user) return user.role === "customer" ? (user as AccountSummary) : null;
    const identity = await tx.identity.findUnique({
      where: { kind_value: { kind: "email", value: email } },
      select: { customer: { select: { id: true, name: true, user: { select: accountSelect } } } },
    });
    // The address is one of a customer's several identities and they already have an account: that one.
    if (identity?.customer.user) return identity.customer.user as AccountSummary;
    const customer =
      identity?.customer ??
      (await tx.customer.create({
        data: { name: email.split("@")[0]!, identities: { create: { kind: "email", value: email } } },
        select: { id: true, name: true },
      }));
    const created = await tx.user.create({
      data: { email, name: customer.name, role: "customer", customerId: customer.id },
      select: accountSelect,
    });
    await recordEvent(tx, {
      action: "account.registered",
      actorUserId: created.id,
      data: { role: "customer", via: "email link", knownCustomer: !!identity },
    });
    return created as AccountSummary;
  });
}

export const ZEmailRequest = z.strictObject({ email: z.email("Enter a valid email address").max(320) });
export const ZSignInLinkRequest = ZEmailRequest.extend({ callbackUrl: z.string().max(2000).optional() });
export const ZPasswordResetConfirm = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().max(200),
});
