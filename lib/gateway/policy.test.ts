import { describe, expect, it } from "vitest";
import type { Caller } from "./caller";
import { parseCookieHeader } from "./caller";
import { authorize, POLICIES, type Policy } from "./policy";

const user = (role: "admin" | "agent" | "customer"): Caller => ({
  kind: "user",
  id: role,
  email: `${role}@x.test`,
  name: role,
  role,
  customerId: role === "customer" ? "cust" : null,
});
const callers: Record<string, Caller> = {
  anonymous: { kind: "anonymous" },
  customer: user("customer"),
  agent: user("agent"),
  admin: user("admin"),
};

// policy → the callers it lets through
const expected: Record<Policy, string[]> = {
  public: ["anonymous", "customer", "agent", "admin", "twilio"],
  customer: ["customer"],
  agent: ["agent", "admin"],
  admin: ["admin"],
  twilio: ["twilio"],
};

describe("authorize", () => {
  for (const policy of POLICIES) {
    for (const [name, caller] of Object.entries(callers)) {
      const allowed = expected[policy].includes(name);
      it(`${policy} ${allowed ? "admits" : "refuses"} ${name}`, () => {
        if (allowed) expect(() => authorize(policy, caller)).not.toThrow();
        else
          expect(() => authorize(policy, caller)).toThrow(
            expect.objectContaining({ status: name === "anonymous" && policy !== "twilio" ? 401 : 403 }),
          );
      });
    }
  }
  it("refuses a customer account that is not linked to a customer", () => {
    expect(() => authorize("customer", { ...user("customer"), customerId: null } as Caller)).toThrow();
  });
});

describe("parseCookieHeader", () => {
  it("reads cookies and ignores malformed ones", () => {
    const jar = parseCookieHeader("a=1; b=x%20y; broken; c=%E0%A4%A");
    expect(jar.get("a")).toBe("1");
    expect(jar.get("b")).toBe("x y");
    expect(jar.has("broken")).toBe(false);
    expect(jar.has("c")).toBe(false);
  });
});
