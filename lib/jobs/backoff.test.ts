import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff";

describe("backoffMs", () => {
  it("doubles from five seconds", () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((a) => backoffMs(a, mid))).toEqual([5_000, 10_000, 20_000, 40_000]);
  });
  it("is capped at an hour and jittered within ±20 %", () => {
    expect(backoffMs(30, () => 0.5)).toBe(3_600_000);
    expect(backoffMs(1, () => 0)).toBe(4_000);
    expect(backoffMs(1, () => 1)).toBe(6_000);
  });
});
