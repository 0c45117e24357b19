import { describe, expect, it } from "vitest";
import { commonSecurityHeaders, newNonce, pageCsp } from "./security-headers";

describe("security headers", () => {
  it("lets only nonce-carrying scripts run, never eval in production, and nobody frame the app", () => {
    const csp = pageCsp({ nonce: "abc", dev: false, formTargets: ["https://sso.example.com"] });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://sso.example.com");
    expect(pageCsp({ nonce: "abc", dev: true, formTargets: [] })).toContain("'unsafe-eval'");
  });

  it("sends HSTS only over https", () => {
    expect(commonSecurityHeaders(true)["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(commonSecurityHeaders(false)["strict-transport-security"]).toBeUndefined();
  });

  it("makes a fresh nonce for every request", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
