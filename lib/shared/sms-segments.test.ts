import { describe, expect, it } from "vitest";
import { smsSegments } from "./sms-segments";

describe("smsSegments", () => {
  it("fits 160 GSM-7 characters in one segment and splits longer texts by 153", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("a".repeat(161)).segments).toBe(2);
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });
  it("counts GSM-7 extension characters twice", () => {
    expect(smsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("{" + "a".repeat(159)).segments).toBe(2);
  });
  it("switches the whole text to UCS-2 for one character outside GSM-7", () => {
    expect(smsSegments("a".repeat(69) + "ç")).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsSegments("a".repeat(70) + "ç").segments).toBe(2);
    expect(smsSegments("👍")).toEqual({ encoding: "UCS-2", units: 2, segments: 1 });
    expect(smsSegments("こんにちは".repeat(14)).segments).toBe(1);
    expect(smsSegments("こんにちは".repeat(15)).segments).toBe(2);
  });
  it("an empty text is one segment", () => {
    expect(smsSegments("").segments).toBe(1);
  });
});
