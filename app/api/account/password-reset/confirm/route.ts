import { route } from "@/lib/gateway/route";
import { resetPassword, ZPasswordResetConfirm } from "@/lib/users/email-links";

export const POST = route(
  {
    policy: "public",
    summary: "Set a new password with a reset link's token; ends every session",
    rateLimit: "auth",
    body: ZPasswordResetConfirm,
  },
  async ({ db, body }) => {
    const account = await resetPassword(db, body.token, body.password);
    return { ok: true, email: account.email };
  },
);
