// Which role an SSO sign-in gets, from a claim the identity provider sends
// (Keycloak/Okta "groups", Entra ID "roles"), and who may use a password.
import { z } from "zod";

export interface RoleMapping {
  /** the claim holding group or role names; without it everyone gets the default role */
  claim?: string;
  adminValues: string[];
  agentValues: string[];
  /** values that make a customer; "*" for anyone in neither staff group */
  customerValues: string[];
  defaultRole: SsoRole;
}

export type SsoRole = "admin" | "agent" | "customer";

/** The role the claims give, or null when the claim is configured but grants nothing (no access). */
export function roleFromClaims(claims: Record<string, unknown>, m: RoleMapping): SsoRole | null {
  if (!m.claim) return m.defaultRole;
  const raw = claims[m.claim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  if (values.some((v) => m.adminValues.includes(v))) return "admin";
  if (values.some((v) => m.agentValues.includes(v))) return "agent";
  if (m.customerValues.includes("*") || values.some((v) => m.customerValues.includes(v))) return "customer";
  return null;
}

export const ZPasswordSignIn = z.enum(["everyone", "customers"]);

/** With "customers", agents and admins must use SSO: a leaked agent password alone opens nothing. */
export function passwordAllowed(role: string, policy: z.infer<typeof ZPasswordSignIn>): boolean {
  return policy === "everyone" || role === "customer";
}
