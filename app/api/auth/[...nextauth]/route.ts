import { handleNextAuth } from "@/lib/auth/next-auth-handler";
import { route } from "@/lib/gateway/route";

const nextAuth = route(
  { policy: "public", summary: "next-auth: sign-in, callbacks, session, CSRF token", rateLimit: "auth" },
  ({ req, next }) => handleNextAuth(req, next),
);
export const GET = nextAuth;
export const POST = nextAuth;
