import { env } from "@/lib/env";
import { route } from "@/lib/gateway/route";
import { enableTwoFactor, ZOtpCode } from "@/lib/users/two-factor";

// Confirms set-up with a current code; the answer carries the recovery codes, shown this once.
export const POST = route(
  {
    policy: "signed-in",
    summary: "Confirm two-factor set-up; returns recovery codes",
    scope: "session",
    body: ZOtpCode,
  },
  ({ db, caller, body }) => enableTwoFactor(db, caller.id, body.code, env().NEXTAUTH_SECRET),
);
