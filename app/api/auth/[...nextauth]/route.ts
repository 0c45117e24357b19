import { handleNextAuth } from "@/lib/auth/next-auth-handler";
import { route } from "@/lib/gateway/route";

const nextAuth = route({ policy: "public", rateLimit: "auth" }, ({ req, next }) => handleNextAuth(req, next));
export const GET = nextAuth;
export const POST = nextAuth;
