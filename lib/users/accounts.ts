// Sign-in accounts: agents, admins and customers. Password hashes never leave this module.
import bcrypt from "bcryptjs";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { type Db, isUniqueViolation } from "../db/client";
import { env } from "../env";
import { conflict } from "../errors";
import type { TRole } from "../shared/vocabulary";

export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  role: TRole;
  customerId: string | null;
}

/** The account fields the rest of the app sees (never the password hash); for selects that join a user. */
export const accountSelect = { id: true, email: true, name: true, role: true, customerId: true } as const;

export async function hashPassword(password: string, cost = env().BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

// A fixed hash to compare against when the email is unknown, so response time
// does not tell an attacker which addresses have accounts.
const DUMMY_HASH = "$2b$11$EGYtxyENjuKl5qGjvz5xp.5IyXL2e1V4JUlHNcwNFFOQ.BsOCuVkm";

export async function verifyPassword(db: Db, email: string, password: string): Promise<AccountSummary | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...accountSelect, passwordHash: true, deactivatedAt: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  // A deactivated account keeps its history but no longer signs in.
  if (!user || !user.passwordHash || !ok || user.deactivatedAt) return null;
  const { passwordHash: _hash, deactivatedAt: _off, ...summary } = user;
  return summary as AccountSummary;
}

export async function roleOfEmail(db: Db, email: string): Promise<string | undefined> {
  return (await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { role: true } }))?.role;
}

export async function findAccount(db: Db, userId: string): Promise<AccountSummary | null> {
  const u = await db.user.findFirst({ where: { id: userId, deactivatedAt: null }, select: accountSelect });
  return (u as AccountSummary | null) ?? null;
}

export async function findUserIdByOidcSubject(db: Db, oidcSubject: string): Promise<string | undefined> {
  return (await db.user.findUnique({ where: { oidcSubject }, select: { id: true } }))?.id;
}

export const ZPassword = z.string().min(10, "Use at least 10 characters").max(200);

export const ZCustomerSignup = z.strictObject({
  name: z.string().trim().min(1, "Tell us your name").max(200),
  email: z.email("Enter a valid email address").max(320),
  password: ZPassword,
});
export type TCustomerSignup = z.infer<typeof ZCustomerSignup>;

/** A customer creates a portal account: a customer, their email identity and a sign-in. */
export async function registerCustomer(db: Db, input: TCustomerSignup): Promise<AccountSummary> {
  const { name, password } = ZCustomerSignup.parse(input);
  const email = input.email.trim().toLowerCase();
  const known = await db.identity.findUnique({
    where: { kind_value: { kind: "email", value: email } },
    select: { id: true },
  });
  if (known) {
    // Attaching an account to history someone else started by email would let
    // anyone who types that address read it. That needs proof of the mailbox:
    // an emailed sign-in link (email-links.ts).
    throw conflict(
      "email_verification_required",
      "We already have conversations with this address. Use “Email me a sign-in link” on the sign-in page: the link proves the address is yours and brings your history along.",
    );
  }
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: { name, identities: { create: { kind: "email", value: email } } },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: { email, name, role: "customer", passwordHash, customerId: customer.id },
        select: accountSelect,
      });
      await recordEvent(tx, { action: "account.registered", actorUserId: user.id, data: { role: "customer" } });
      return user as AccountSummary;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict("email_taken", "An account with this email already exists; sign in instead.");
    throw err;
  }
}

export interface OidcProfile {
  issuer: string;
  subject: string;
  email?: string | null;
  /** the provider vouches for the address (the email_verified claim) */
  emailVerified?: boolean;
  name?: string | null;
}

/**
 * Finds the agent an OIDC sign-in belongs to, linking by email the first time,
 * or provisions one just in time. Customer accounts never gain agent rights this way.
 */
export async function provisionOidcUser(
  db: Db,
  p: OidcProfile,
  /** the role from the provider's claims; `fromClaims` means it also overrides an existing account's role */
  grant: { role: "agent" | "admin" | "customer"; fromClaims: boolean },
): Promise<AccountSummary | null> {
  if (grant.role === "customer") return provisionOidcCustomer(db, p);
  const staffRole = grant.role;
  const oidcSubject = `${p.issuer}|${p.subject}`;
  const email = p.email?.trim().toLowerCase();
  const select = { ...accountSelect, deactivatedAt: true } as const;
  const found =
    (await db.user.findUnique({ where: { oidcSubject }, select })) ??
    (email ? await db.user.findUnique({ where: { email }, select }) : null);
  // Customer accounts never gain agent rights through SSO; a deactivated agent stays out.
  if (found?.role === "customer" || found?.deactivatedAt) return null;
  const existing = found && {
    id: found.id,
    email: found.email,
    name: found.name,
    role: found.role,
    customerId: found.customerId,
  };
  if (existing) {
    const role = grant.fromClaims ? staffRole : (existing.role as "agent" | "admin");
    if (existing.role === role && (await db.user.count({ where: { id: existing.id, oidcSubject } }))) {
      return existing as AccountSummary;
    }
    return db.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: existing.id },
        data: { oidcSubject, role },
        select: accountSelect,
      });
      if (existing.role !== role) {
        await recordEvent(tx, {
          action: "account.role_changed",
          actorUserId: user.id,
          data: { from: existing.role, to: role, via: "oidc claims" },
        });
      }
      return user as AccountSummary;
    });
  }
  if (!email) return null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: p.name?.trim() || email, role: staffRole, oidcSubject },
      select: accountSelect,
    });
    await recordEvent(tx, {
      action: "account.provisioned",
      actorUserId: user.id,
      data: { via: "oidc", role: staffRole },
    });
    return user as AccountSummary;
  });
}

/**
 * A customer signing in through OIDC: their account by subject, else the
 * customer account with that address (linked only when the provider verified
 * the address), else a new customer — joined to the history we already have
 * from that address when it is verified. Staff accounts never become customers
 * this way: the sign-in is refused instead.
 */
async function provisionOidcCustomer(db: Db, p: OidcProfile): Promise<AccountSummary | null> {
  const oidcSubject = `${p.issuer}|${p.subject}`;
  const email = p.email?.trim().toLowerCase() || undefined;
  const bySubject = await db.user.findUnique({ where: { oidcSubject }, select: accountSelect });
  if (bySubject) return bySubject.role === "customer" ? (bySubject as AccountSummary) : null;
  const byEmail = email ? await db.user.findUnique({ where: { email }, select: accountSelect }) : null;
  if (byEmail) {
    if (byEmail.role !== "customer" || !p.emailVerified) return null;
    return (await db.user.update({
      where: { id: byEmail.id },
      data: { oidcSubject },
      select: accountSelect,
    })) as AccountSummary;
  }
  if (!email) return null;
  return db.$transaction(async (tx) => {
    const known = p.emailVerified
      ? await tx.identity.findUnique({
          where: { kind_value: { kind: "email", value: email } },
          select: { customerId: true, customer: { select: { user: { select: { id: true, oidcSubject: true } } } } },
        })
      : null;
    const emailTaken = !p.emailVerified && (await tx.identity.count({ where: { kind: "email", value: email } })) > 0;
    // The verified address is one of a customer's identities and they have an account: that one.
    const existing = known?.customer.user;
    if (existing) {
      if (existing.oidcSubject) return null;
      return (await tx.user.update({
        where: { id: existing.id },
        data: { oidcSubject },
        select: accountSelect,
      })) as AccountSummary;
    }
    const customerId =
      known?.customerId ??
      (
        await tx.customer.create({
          data: {
            name: p.name?.trim() || email,
            // An unverified address that someone else's history uses is not claimed.
            ...(emailTaken ? {} : { identities: { create: { kind: "email", value: email } } }),
          },
          select: { id: true },
        })
      ).id;
    await tx.identity.create({ data: { customerId, kind: "sso", value: oidcSubject } });
    const user = await tx.user.create({
      data: { email, name: p.name?.trim() || email, role: "customer", oidcSubject, customerId },
      select: accountSelect,
    });
    await recordEvent(tx, {
      action: "account.provisioned",
      actorUserId: user.id,
      data: { via: "oidc", role: "customer", knownCustomer: !!known },
    });
    return user as AccountSummary;
  });
}
