import { json, route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";
import { requestPasswordReset, ZEmailRequest } from "@/lib/users/email-links";
import { linkContext } from "@/lib/users/link-context";

// The same answer whether or not the address has an account.
export const POST = route(
  {
    policy: "public",
    summary: "Email me a password-reset link (same answer for unknown addresses)",
    rateLimit: "auth",
    body: ZEmailRequest,
  },
  async ({ db, body }) => {
    await requestPasswordReset(db, body.email, linkContext());
    wakeWorker();
    return json({ ok: true, message: "If an account uses this address, a reset link is on its way." }, 202);
  },
);
