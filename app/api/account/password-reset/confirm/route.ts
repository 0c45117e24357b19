import { route } from "@/lib/gateway/route";
import { resetPassword, ZPasswordResetConfirm } from "@/lib/users/email-links";

export const POST = route(
  { policy: "public", rateLimit: "auth", body: ZPasswordResetConfirm },
  async ({ db, body }) => {
    const account = await resetPassword(db, body.token, body.password);
    return { ok: true, email: account.email };
  },
);
