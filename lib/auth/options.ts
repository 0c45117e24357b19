// next-auth configuration: email + password for everyone, and a generic OIDC
// provider for agents when OIDC_* is configured. Sessions are JWT cookies that
// carry the user id and role; the gateway still loads the account per request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { env, type Env, oidcConfig, ssoRoleMapping } from "../env";
import { clientIpFrom } from "../gateway/rate-limit";
import { log } from "../log";
import {
  findAccount,
  findUserIdByOidcSubject,
  provisionOidcUser,
  roleOfEmail,
  verifyPassword,
} from "../users/accounts";
import { signInWithLink } from "../users/email-links";
import { lockedUntil, recordSignInAttempt } from "../users/sign-in-guard";
import { requiresSecondFactor, verifySecondFactor } from "../users/two-factor";
import { endSession, startSession } from "../sessions/sessions";
import { safeCallback } from "../shared/safe-callback";
import { passwordAllowed, roleFromClaims } from "../users/sso-roles";

/** The signing-in browser, for the session list (next-auth's callbacks run inside the route's request). */
async function requestClient(): Promise<{ userAgent?: string; ip?: string }> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return { userAgent: h.get("user-agent") ?? undefined, ip: clientIpFrom((n) => h.get(n)) };
  } catch {
    return {};
  }
}

const ZCredentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  /** the second factor: an authenticator code or a recovery code, when the account has two-factor on */
  otp: z.string().trim().max(32).optional(),
});

interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

let loggedOidcOff = false;

function oidcProvider(): OAuthConfig<OidcClaims> | undefined {
  const cfg = oidcConfig();
  if (!cfg) {
    if (!loggedOidcOff)
      log.info("OIDC sign-in is off: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to enable it");
    loggedOidcOff = true;
    return undefined;
  }
  return {
    id: "oidc",
    name: cfg.name,
    type: "oauth",
    wellKnown: `${cfg.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      return {
        id: claims.sub,
        email: claims.email ?? null,
        name: claims.name ?? claims.preferred_username ?? claims.email ?? null,
      };
    },
  };
}

export function authOptions(e: Env = env()): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          otp: { label: "Authentication code", type: "text" },
        },
        async authorize(raw, req) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const email = parsed.data.email.toLowerCase();
          // next-auth hands authorize() the request's headers as a plain object.
          const ip = clientIpFrom((n) => (req?.headers as Record<string, unknown> | undefined)?.[n]);
          if (await lockedUntil(db(), email)) {
            await recordSignInAttempt(db(), { email, ip, succeeded: false, locked: true });
            // next-auth passes the message on as the error code the sign-in form explains.
            throw new Error("AccountLocked");
          }
          // Decided before the password is checked, so the answer never tells whether it was right.
          const role = await roleOfEmail(db(), email);
          if (role && !passwordAllowed(role, e.PASSWORD_SIGNIN)) {
            await recordEvent(db(), { action: "auth.password_refused", data: { email, ip, reason: "SSO required" } });
            throw new Error("SsoRequired");
          }
          const account = await verifyPassword(db(), email, parsed.data.password);
          if (account && (await requiresSecondFactor(db(), account.id))) {
            // The sign-in form asks for the code and sends the same credentials again with it.
            if (!parsed.data.otp) throw new Error("OtpRequired");
            if (!(await verifySecondFactor(db(), account.id, parsed.data.otp, e.NEXTAUTH_SECRET))) {
              await recordSignInAttempt(db(), { email, ip, succeeded: false, userId: account.id });
              throw new Error("OtpInvalid");
            }
          }
          await recordSignInAttempt(db(), { email, ip, succeeded: !!account, userId: account?.id });
          return account ? { id: account.id, email: account.email, name: account.name } : null;
        },
      }),
      CredentialsProvider({
        // A customer's one-time link from their mailbox (lib/users/email-links.ts).
        id: "email-link",
        name: "Email link",
        credentials: { token: { label: "Token", type: "text" } },
        async authorize(raw) {
          const token = z.object({ token: z.string().min(20).max(200) }).safeParse(raw);
          if (!token.success) return null;
          const account = await signInWithLink(db(), token.data.token);
          return account ? { id: account.id, email: account.email, name: account.name } : null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    events: {
      // Signing out ends the session server-side too, not only the cookie in this browser.
      async signOut({ token }) {
        if (token?.sub && typeof token.sid === "string") {
          await endSession(db(), token.sub, token.sid).catch(() => undefined);
        }
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const claims = profile as (OidcClaims & Record<string, unknown>) | undefined;
        if (!claims?.sub) return "/signin?error=AccessDenied";
        const mapping = ssoRoleMapping(e);
        const role = roleFromClaims(claims, mapping);
        if (!role) {
          await recordEvent(db(), {
            action: "auth.sso_refused",
            data: { subject: claims.sub, email: claims.email ?? null, reason: `no role in claim ${mapping.claim}` },
          });
          return "/signin?error=AccessDenied";
        }
        const user = await provisionOidcUser(
          db(),
          {
            issuer: oidcConfig()!.issuer,
            subject: claims.sub,
            email: claims.email,
            emailVerified: claims.email_verified === true,
            name: claims.name,
          },
          { role, fromClaims: !!mapping.claim },
        );
        return user ? true : "/signin?error=AccessDenied";
      },
      async jwt({ token, user, account }) {
        if (!account) return token;
        // At sign-in only: put our own user id and role in the token. The role is
        // for the UI; the gateway re-reads the account on every request.
        const userId =
          account.provider === "oidc"
            ? await findUserIdByOidcSubject(db(), `${oidcConfig()!.issuer}|${account.providerAccountId}`)
            : user?.id;
        const found = userId ? await findAccount(db(), userId) : null;
        if (!found) throw new Error("signed-in account vanished");
        const client = await requestClient();
        const sid = await startSession(db(), found.id, client);
        await recordEvent(db(), {
          action: "auth.sign_in",
          actorUserId: found.id,
          data: { provider: account.provider, ip: client.ip ?? null, sessionId: sid },
        });
        return { ...token, sub: found.id, role: found.role, sid };
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
      async redirect({ url, baseUrl }) {
        // Only same-origin destinations: a crafted callbackUrl never leaves the site.
        const path = safeCallback(url);
        if (path) return `${baseUrl}${path}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          /* fall through */
        }
        return baseUrl;
      },
    },
  };
}
