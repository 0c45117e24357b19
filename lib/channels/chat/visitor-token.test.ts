import { describe, expect, it } from "vitest";
import { issueVisitorToken, newVisitorId, verifyVisitorToken } from "./visitor-token";

const secret = "unit-test-secret-0123456789abcdef0123";

describe("visitor tokens", () => {
  it("name their site and visitor, and nothing forged passes", () => {
    const v = { siteKey: "acme", visitorId: newVisitorId() };
    const token = issueVisitorToken(v, secret);
    expect(verifyVisitorToken(token, secret)).toEqual(v);
    expect(verifyVisitorToken(token, "another-secret-0123456789abcdef0123")).toBeNull();
    const [, , , mac] = token.split(".");
    expect(verifyVisitorToken(`vt1.acme.${newVisitorId()}.${mac}`, secret)).toBeNull();
    expect(verifyVisitorToken(`vt1.other.${v.visitorId}.${mac}`, secret)).toBeNull();
    expect(verifyVisitorToken("vt1.acme", secret)).toBeNull();
    expect(verifyVisitorToken(`vt1.a.b.c.d`, secret)).toBeNull();
    expect(verifyVisitorToken(`vt1.acme.short.${mac}`, secret)).toBeNull();
  });
});
