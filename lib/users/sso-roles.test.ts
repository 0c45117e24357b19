import { describe, expect, it } from "vitest";
import { passwordAllowed, roleFromClaims } from "./sso-roles";

const mapping = {
  claim: "groups",
  adminValues: ["helpdesk-admins"],
  agentValues: ["helpdesk-agents"],
  customerValues: [] as string[],
  defaultRole: "agent" as const,
};

describe("SSO role mapping", () => {
  it("maps group lists and space-separated role strings; admin wins over agent", () => {
    expect(roleFromClaims({ groups: ["staff", "helpdesk-agents"] }, mapping)).toBe("agent");
    expect(roleFromClaims({ groups: ["helpdesk-agents", "helpdesk-admins"] }, mapping)).toBe("admin");
    expect(roleFromClaims({ groups: "helpdesk-admins other" }, mapping)).toBe("admin");
  });
  it("gives no access when the claim names neither role, or is missing", () => {
    expect(roleFromClaims({ groups: ["staff"] }, mapping)).toBeNull();
    expect(roleFromClaims({}, mapping)).toBeNull();
    expect(roleFromClaims({ groups: 42 }, mapping)).toBeNull();
  });
  it("makes customers of the customer groups, or of everyone else with '*'; staff groups still win", () => {
    const customers = { ...mapping, customerValues: ["portal-users"] };
    expect(roleFromClaims({ groups: ["portal-users"] }, customers)).toBe("customer");
    expect(roleFromClaims({ groups: ["staff"] }, customers)).toBeNull();
    expect(roleFromClaims({ groups: ["portal-users", "helpdesk-agents"] }, customers)).toBe("agent");
    const anyone = { ...mapping, customerValues: ["*"] };
    expect(roleFromClaims({ groups: ["staff"] }, anyone)).toBe("customer");
    expect(roleFromClaims({}, anyone)).toBe("customer");
    expect(roleFromClaims({ groups: ["helpdesk-admins"] }, anyone)).toBe("admin");
  });
  it("without a configured claim, everyone gets the default role", () => {
    expect(roleFromClaims({}, { ...mapping, claim: undefined, defaultRole: "admin" })).toBe("admin");
  });
});

describe("password sign-in policy", () => {
  it("lets only customers use passwords when SSO is required for staff", () => {
    expect(passwordAllowed("customer", "customers")).toBe(true);
    expect(passwordAllowed("agent", "customers")).toBe(false);
    expect(passwordAllowed("admin", "customers")).toBe(false);
    expect(passwordAllowed("admin", "everyone")).toBe(true);
  });
});
