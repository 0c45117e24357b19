import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { route } from "@/lib/gateway/route";

// Built per request so env() is read at run time, not at build time.
const nextAuth = route({ policy: "public" }, ({ req, next }) => NextAuth(authOptions())(req, next));
export const GET = nextAuth;
export const POST = nextAuth;
