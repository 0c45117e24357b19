import { describe, expect, it } from "vitest";
import type { Caller } from "./caller";
import { parseCookieHeader } from "./caller";
import { authorize, authorizeScope, POLICIES, type Policy } from "./policy";

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
  visitor: { kind: "visitor", siteKey: "site", visitorId: "v".repeat(22) },
};

// policy → the callers it lets through
const expected: Record<Policy, string[]> = {
  public: ["anonymous", "customer", "agent", "admin", "twilio", "visitor"],
  "signed-in": ["customer", "agent", "admin"],
  customer: ["customer"],
  agent: ["agent", "admin"],
  admin: ["admin"],
  twilio: ["twilio"],
  "email-webhook": [],
  visitor: ["visitor"],
};

describe("authorize", () => {
  for (const policy of POLICIES) {
    for (const [name, caller] of Object.entries(callers)) {
      const allowed = expected[policy].includes(name);
      it(`${policy} ${allowed ? "admits" : "refuses"} ${name}`, () => {
        if (allowed) expect(() => authorize(policy, caller)).not.toThrow();
        else
          expect(() => authorize(policy, caller)).toThrow(
            expect.objectContaining({
              // Not signed in (anonymous, or a chat visitor at a signed-in route) is 401; the wrong kind of caller 403.
              status:
                (name === "anonymous" || name === "visitor") && policy !== "twilio" && policy !== "email-webhook"
                  ? 401
                  : 403,
            }),
          );
      });
    }
  }
  it("refuses a customer account that is not linked to a customer", () => {
    expect(() => authorize("customer", { ...user("customer"), customerId: null } as Caller)).toThrow();
  });
});

describe("authorizeScope", () => {
  const token = (scopes: string[]) => ({ ...user("admin"), scopes, tokenId: "t1" }) as Caller;
  it("lets sessions through whatever the route, since their role already decided", () => {
    expect(() => authorizeScope("admin", undefined, "DELETE", user("admin"))).not.toThrow();
    expect(() => authorizeScope("signed-in", "session", "POST", user("agent"))).not.toThrow();
  });
  it("derives the scope from policy and method: read for GET, write otherwise, admin for admin routes", () => {
    const reader = token(["conversations:read"]);
    expect(() => authorizeScope("agent", undefined, "GET", reader)).not.toThrow();
    expect(() => authorizeScope("agent", undefined, "PATCH", reader)).toThrow(
      expect.objectContaining({ status: 403, code: "insufficient_scope" }),
    );
    expect(() => authorizeScope("admin", undefined, "GET", reader)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => authorizeScope("admin", undefined, "GET", token(["admin"]))).not.toThrow();
    expect(() => authorizeScope("public", undefined, "POST", reader)).not.toThrow();
  });
  it("refuses every token on session-only routes", () => {
    expect(() => authorizeScope("signed-in", "session", "GET", token([...["admin", "conversations:read"]]))).toThrow(
      expect.objectContaining({ code: "session_required" }),
    );
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
