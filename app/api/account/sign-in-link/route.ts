import { json, route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";
import { safeCallback } from "@/lib/shared/safe-callback";
import { requestSignInLink, ZSignInLinkRequest } from "@/lib/users/email-links";
import { linkContext } from "@/lib/users/link-context";

// The same answer whether or not the address is known.
export const POST = route(
  {
    policy: "public",
    summary: "Email a customer a one-time sign-in link (same answer for unknown addresses)",
    rateLimit: "auth",
    body: ZSignInLinkRequest,
  },
  async ({ db, body }) => {
    await requestSignInLink(db, body.email, { ...linkContext(), callbackUrl: safeCallback(body.callbackUrl) });
    wakeWorker();
    return json({ ok: true, message: "If this address may sign in here, a sign-in link is on its way." }, 202);
  },
);
