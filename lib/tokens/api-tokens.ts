// Bearer tokens for mobile apps and partner systems: shown once, stored as a
// SHA-256 hash (the secret is 32 random bytes, so a fast hash is enough — no
// dictionary to guard against), revocable, with scopes that narrow what the
// owner's role allows.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { accountSelect, type AccountSummary } from "../users/accounts";

export const SCOPES = [
  "conversations:read",
  "conversations:write",
  "customers:read",
  "customers:write",
  "admin",
] as const;
export const ZScope = z.enum(SCOPES);
export type Scope = z.infer<typeof ZScope>;

/** What each role may put on a token: never more than the role itself can do. */
export const SCOPES_FOR_ROLE: Record<string, readonly Scope[]> = {
  admin: SCOPES,
  agent: ["conversations:read", "conversations:write", "customers:read", "customers:write"],
  customer: ["conversations:read", "conversations:write"],
};

const TOKEN_PREFIX = "odk_";
const TOUCH_EVERY_MS = 60_000;

export const ZCreateToken = z.strictObject({
  name: z.string().trim().min(1, "Name the token after the app that will use it").max(100),
  scopes: z.array(ZScope).min(1, "Pick at least one scope").max(SCOPES.length),
  /** days until it stops working; none for a token that lives until revoked */
  expiresInDays: z.number().int().min(1).max(365).optional(),
  /** admins only: an integration's token rather than a personal one */
  kind: z.enum(["personal", "service"]).default("personal"),
});
export type TCreateToken = z.input<typeof ZCreateToken>;

export interface TokenView {
  id: string;
  name: string;
  kind: string;
  scopes: Scope[];
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const viewSelect = {
  id: true,
  name: true,
  kind: true,
  scopes: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const toView = (row: Omit<TokenView, "scopes"> & { scopes: string }): TokenView => ({
  ...row,
  scopes: row.scopes.split(" ") as Scope[],
});

/** Creates a token and returns it whole — the only time its secret is seen. */
export async function createToken(
  db: Db,
  owner: AccountSummary,
  input: TCreateToken,
): Promise<{ token: string; view: TokenView }> {
  const req = ZCreateToken.parse(input);
  const allowed = SCOPES_FOR_ROLE[owner.role] ?? [];
  const refused = req.scopes.filter((s) => !allowed.includes(s));
  if (refused.length) throw new AppError(403, "scope_not_allowed", `Your role cannot grant ${refused.join(", ")}`);
  if (req.kind === "service" && owner.role !== "admin")
    throw new AppError(403, "forbidden", "Only admins create service tokens");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: owner.id,
        name: req.name,
        kind: req.kind,
        scopes: [...new Set(req.scopes)].join(" "),
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        expiresAt: req.expiresInDays ? new Date(Date.now() + req.expiresInDays * 86_400_000) : null,
      },
      select: viewSelect,
    });
    await recordEvent(tx, {
      action: "token.created",
      actorUserId: owner.id,
      data: { tokenId: created.id, name: req.name, kind: req.kind, scopes: req.scopes },
    });
    return created;
  });
  return { token, view: toView(row) };
}

/** A user's own tokens; admins see service tokens of every admin too. */
export async function listTokens(db: Db, viewer: AccountSummary): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({
    where: viewer.role === "admin" ? { OR: [{ userId: viewer.id }, { kind: "service" }] } : { userId: viewer.id },
    orderBy: { createdAt: "desc" },
    select: viewSelect,
  });
  return rows.map(toView);
}

export async function revokeToken(db: Db, viewer: AccountSummary, tokenId: string): Promise<TokenView> {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, kind: true } });
  const mayRevoke = token && (token.userId === viewer.id || (viewer.role === "admin" && token.kind === "service"));
  if (!mayRevoke) throw notFound("token");
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.update({
      where: { id: tokenId },
      data: { revokedAt: new Date() },
      select: viewSelect,
    });
    await recordEvent(tx, { action: "token.revoked", actorUserId: viewer.id, data: { tokenId, name: row.name } });
    return toView(row);
  });
}

export type TokenCaller = AccountSummary & { scopes: Scope[]; tokenId: string };

/**
 * The account behind a bearer token, or an error: a token that is unknown,
 * revoked or expired is refused outright (never treated as anonymous).
 */
export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<TokenCaller> {
  const invalid = () => new AppError(401, "invalid_token", "The bearer token is unknown, revoked or expired");
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw invalid();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: accountSelect },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw invalid();
  const account = row.user as AccountSummary;
  // Last-used time to the minute: one write per token per minute, not one per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const allowed = SCOPES_FOR_ROLE[account.role] ?? [];
  // A role may have shrunk since the token was made: its scopes shrink with it.
  const scopes = (row.scopes.split(" ") as Scope[]).filter((s) => allowed.includes(s));
  return { ...account, scopes, tokenId: row.id };
}
