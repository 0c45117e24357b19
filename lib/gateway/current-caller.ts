// The caller of a server component or page, from the request's cookies.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { env } from "../env";
import { callerFromCookies, type Caller } from "./caller";
import { authorize, type Policy, type SignedIn } from "./policy";

export async function currentCaller(): Promise<Caller> {
  const jar = await cookies();
  return callerFromCookies(db(), env().NEXTAUTH_SECRET, (n) => jar.get(n)?.value);
}

/** For pages: sends whoever may not see `path` to sign in (or home, if signed in as someone else). */
export async function requirePageCaller(policy: Exclude<Policy, "public">, path: string): Promise<SignedIn> {
  const caller = await currentCaller();
  try {
    authorize(policy, caller);
  } catch {
    if (caller.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    redirect(caller.role === "customer" ? "/portal" : "/inbox");
  }
  return caller as SignedIn;
}
