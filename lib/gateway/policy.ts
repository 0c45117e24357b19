// Who may call a route. Every route handler declares one of these.
import { AppError } from "../errors";
import type { Caller } from "./caller";

export const POLICIES = ["public", "customer", "agent", "admin", "twilio"] as const;
export type Policy = (typeof POLICIES)[number];

export type SignedIn = Extract<Caller, { kind: "user" }>;
export type TwilioCaller = Extract<Caller, { kind: "twilio" }>;

/** Throws the 401/403 a caller gets for a route with this policy. */
export function authorize(policy: Policy, caller: Caller): void {
  if (policy === "public") return;
  if (policy === "twilio") {
    if (caller.kind !== "twilio") throw new AppError(403, "forbidden", "Only Twilio may call this webhook");
    return;
  }
  if (caller.kind !== "user") throw new AppError(401, "unauthenticated", "Sign in first");
  const allowed =
    policy === "customer"
      ? caller.role === "customer" && !!caller.customerId
      : policy === "agent"
        ? caller.role === "agent" || caller.role === "admin"
        : caller.role === "admin";
  if (!allowed) throw new AppError(403, "forbidden", `This needs the ${policy} role`);
}
