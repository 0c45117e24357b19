// Who is calling: read from the next-auth session cookie, confirmed against the
// database on every request so a removed account or changed role takes effect at once.
import { decode } from "next-auth/jwt";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { sessionAccount } from "../sessions/sessions";
import { authenticateToken, type Scope } from "../tokens/api-tokens";
import { findAccount, type AccountSummary } from "../users/accounts";
import { verifyVisitorToken, type Visitor } from "../channels/chat/visitor-token";
import { SESSION_COOKIES } from "./session-cookies";

export type Caller =
  | { kind: "anonymous" }
  /** Signed in by session cookie (no scopes: the role decides) or by bearer token (narrowed to its scopes). */
  | ({ kind: "user"; scopes?: Scope[]; tokenId?: string; sessionId?: string } & AccountSummary)
  /** A webhook request whose X-Twilio-Signature checked out. */
  | { kind: "twilio" }
  /** The inbound-mail forwarder, by its shared secret. */
  | { kind: "email-webhook" }
  /** A chat widget visitor, by the signed token the widget keeps (`Authorization: Visitor <token>`). */
  | ({ kind: "visitor" } & Visitor);

export function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      jar.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie is ignored, as a browser would.
    }
  }
  return jar;
}

/** The session token, whole or joined back from its chunks. */
function sessionToken(cookies: (name: string) => string | undefined): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies(name);
    if (whole) return whole;
    let joined = "";
    for (let i = 0; cookies(`${name}.${i}`) !== undefined; i++) joined += cookies(`${name}.${i}`);
    if (joined) return joined;
  }
  return undefined;
}

export async function callerFromCookies(
  db: Db,
  secret: string,
  cookies: (name: string) => string | undefined,
): Promise<Caller> {
  const token = sessionToken(cookies);
  if (!token) return { kind: "anonymous" };
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret });
  } catch {
    return { kind: "anonymous" };
  }
  const userId = payload?.sub;
  if (!userId) return { kind: "anonymous" };
  // A cookie names its session; an ended session ("sign out everywhere") signs the cookie out.
  const sessionId = typeof payload?.sid === "string" ? payload.sid : undefined;
  const account = sessionId ? await sessionAccount(db, sessionId, userId) : await findAccount(db, userId);
  return account ? { kind: "user", ...account, sessionId } : { kind: "anonymous" };
}

/** A bearer token wins over cookies; a malformed or dead one is a 401, never a fall-back to anonymous. */
export async function callerFromRequest(db: Db, secret: string, req: Request): Promise<Caller> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const visitor = /^Visitor\s+(\S+)$/i.exec(authorization.trim());
    if (visitor) {
      const v = verifyVisitorToken(visitor[1]!, secret);
      if (!v) throw new AppError(401, "invalid_visitor_token", "This chat session is not valid; reload the chat");
      return { kind: "visitor", ...v };
    }
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m)
      throw new AppError(
        401,
        "invalid_token",
        "Authorization must be 'Bearer <token>' (or 'Visitor <token>' from the chat widget)",
      );
    return { kind: "user", ...(await authenticateToken(db, m[1]!)) };
  }
  const jar = parseCookieHeader(req.headers.get("cookie"));
  return callerFromCookies(db, secret, (n) => jar.get(n));
}
