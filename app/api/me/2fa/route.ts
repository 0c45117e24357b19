import { env } from "@/lib/env";
import { route } from "@/lib/gateway/route";
import { beginTwoFactor, disableTwoFactor, twoFactorStatus, ZOtpCode } from "@/lib/users/two-factor";

export const GET = route(
  { policy: "signed-in", summary: "My two-factor sign-in: status, start set-up, turn off", scope: "session" },
  ({ db, caller }) => twoFactorStatus(db, caller.id),
);

/** Starts set-up: the secret and a QR code for an authenticator app (not in force until confirmed). */
export const POST = route(
  { policy: "signed-in", summary: "My two-factor sign-in: status, start set-up, turn off", scope: "session" },
  ({ db, caller }) => beginTwoFactor(db, caller.id, env().NEXTAUTH_SECRET),
);

export const DELETE = route(
  {
    policy: "signed-in",
    summary: "My two-factor sign-in: status, start set-up, turn off",
    scope: "session",
    body: ZOtpCode,
  },
  async ({ db, caller, body }) => {
    await disableTwoFactor(db, caller.id, body.code, env().NEXTAUTH_SECRET);
    return { ok: true };
  },
);
