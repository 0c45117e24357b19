import { describe, expect, it } from "vitest";
import { normaliseIdentity } from "./identity";

describe("normaliseIdentity", () => {
  it("lower-cases and trims email addresses", () => {
    expect(normaliseIdentity({ kind: "email", value: "  Jane.Doe@Example.COM " })).toEqual({
      kind: "email",
      value: "jane.doe@example.com",
    });
  });
  it("puts phone numbers in E.164 whatever their spelling", () => {
    for (const spelling of ["+1 (415) 555-0100", "+14155550100", "+1.415.555.0100"]) {
      expect(normaliseIdentity({ kind: "phone", value: spelling }).value).toBe("+14155550100");
    }
    expect(normaliseIdentity({ kind: "phone", value: "020 7183 8750" }, "GB").value).toBe("+442071838750");
  });
  it("rejects what is not an address or a number", () => {
    expect(() => normaliseIdentity({ kind: "email", value: "not-an-email" })).toThrow(/not an email/);
    expect(() => normaliseIdentity({ kind: "phone", value: "12" })).toThrow(/not a phone/);
    expect(() => normaliseIdentity({ kind: "chat", value: "  " })).toThrow(/empty/);
  });
});
