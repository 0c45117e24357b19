// Who may call a route. Every route handler declares one of these.
import { AppError } from "../errors";
import type { Scope } from "../tokens/api-tokens";
import type { Caller } from "./caller";

export const POLICIES = [
  "public",
  "signed-in",
  "customer",
  "agent",
  "admin",
  "twilio",
  "email-webhook",
  "visitor",
] as const;
export type Policy = (typeof POLICIES)[number];

export type SignedIn = Extract<Caller, { kind: "user" }>;
export type TwilioCaller = Extract<Caller, { kind: "twilio" }>;
export type VisitorCaller = Extract<Caller, { kind: "visitor" }>;

/** Throws the 401/403 a caller gets for a route with this policy. */
export function authorize(policy: Policy, caller: Caller): void {
  if (policy === "public") return;
  if (policy === "twilio") {
    if (caller.kind !== "twilio") throw new AppError(403, "forbidden", "Only Twilio may call this webhook");
    return;
  }
  if (policy === "email-webhook") {
    if (caller.kind !== "email-webhook") throw new AppError(403, "forbidden", "Only the mail forwarder may call this");
    return;
  }
  if (policy === "visitor") {
    if (caller.kind === "anonymous") throw new AppError(401, "unauthenticated", "Start a chat session first");
    if (caller.kind !== "visitor") throw new AppError(403, "forbidden", "Only chat widget visitors may call this");
    return;
  }
  if (caller.kind !== "user") throw new AppError(401, "unauthenticated", "Sign in first");
  const allowed =
    policy === "signed-in"
      ? true
      : policy === "customer"
        ? caller.role === "customer" && !!caller.customerId
        : policy === "agent"
          ? caller.role === "agent" || caller.role === "admin"
          : caller.role === "admin";
  if (!allowed) throw new AppError(403, "forbidden", `This needs the ${policy} role`);
}

/** The scope a bearer token needs for a route: declared, or derived from its policy and method. */
export function requiredScope(
  policy: Policy,
  declared: Scope | "session" | undefined,
  method: string,
): Scope | "session" | null {
  if (declared) return declared;
  if (policy === "public" || policy === "twilio" || policy === "email-webhook" || policy === "visitor") return null;
  if (policy === "admin") return "admin";
  return method === "GET" || method === "HEAD" ? "conversations:read" : "conversations:write";
}

/** Tokens act only within their scopes; sessions are not scoped (their role decides). */
export function authorizeScope(
  policy: Policy,
  declared: Scope | "session" | undefined,
  method: string,
  caller: Caller,
): void {
  if (caller.kind !== "user" || !caller.scopes) return;
  const needed = requiredScope(policy, declared, method);
  if (needed === null) return;
  if (needed === "session") throw new AppError(403, "session_required", "Sign in to do this; API tokens cannot");
  if (!caller.scopes.includes(needed))
    throw new AppError(403, "insufficient_scope", `This token lacks the ${needed} scope`, { required: needed });
}
