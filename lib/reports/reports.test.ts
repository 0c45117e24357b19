import { describe, expect, it } from "vitest";
import { reportDay, scopedKeys } from "./counters";
import { bucketOf, bucketValue, percentile } from "./histogram";
import { splitRange } from "./queries";

describe("report histograms", () => {
  it("puts durations in log-spaced buckets and reads percentiles within 12% of the exact value", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(59)).toBe(0);
    expect(bucketOf(60)).toBe(1);
    expect(bucketOf(75)).toBe(2);
    const values = Array.from({ length: 1000 }, (_, i) => 30 + i * 97); // 30 s … ~27 h
    const counts = new Map<number, number>();
    for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
    for (const p of [0.5, 0.9]) {
      const exact = values[Math.ceil(p * values.length) - 1]!;
      expect(Math.abs(percentile(counts, p)! / exact - 1)).toBeLessThan(0.12);
    }
    expect(percentile(new Map(), 0.5)).toBeNull();
    expect(bucketValue(0)).toBe(30);
  });
});

describe("report rows", () => {
  it("adds each change to every scope, for its day and its month", () => {
    const keys = scopedKeys("2026-11-26", "sms", "t1", "a1");
    expect(keys).toHaveLength(16);
    expect(keys.filter((k) => k.day === "m2026-11")).toHaveLength(8);
    expect(keys.find((k) => k.day === "2026-11-26" && k.scope === 0)).toEqual({
      scope: 0,
      day: "2026-11-26",
      channel: "",
      teamId: "",
      agentId: "",
    });
    expect(keys.find((k) => k.scope === 7)).toMatchObject({ channel: "sms", teamId: "t1", agentId: "a1" });
    expect(keys.find((k) => k.scope === 4)).toMatchObject({ channel: "", teamId: "", agentId: "a1" });
  });

  it("splits a range into whole months and the days at either end", () => {
    expect(splitRange("2025-11-27", "2026-11-26")).toEqual({
      months: [
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
      ],
      edges: [
        ["2025-11-27", "2025-11-30"],
        ["2026-11-01", "2026-11-26"],
      ],
    });
    expect(splitRange("2026-02-01", "2026-02-28")).toEqual({ months: ["2026-02"], edges: [] });
    expect(splitRange("2026-11-05", "2026-11-20")).toEqual({ months: [], edges: [["2026-11-05", "2026-11-20"]] });
    expect(splitRange("2026-01-31", "2026-03-01")).toEqual({
      months: ["2026-02"],
      edges: [
        ["2026-01-31", "2026-01-31"],
        ["2026-03-01", "2026-03-01"],
      ],
    });
  });
});

describe("report days", () => {
  it("files an instant under its calendar day in the report time zone", () => {
    const lateEvening = new Date("2026-03-01T03:30:00Z"); // 22:30 on Feb 28 in New York
    expect(reportDay(lateEvening, "UTC")).toBe("2026-03-01");
    expect(reportDay(lateEvening, "America/New_York")).toBe("2026-02-28");
    expect(reportDay(new Date("2026-02-28T20:00:00Z"), "Asia/Tokyo")).toBe("2026-03-01");
    // Around the spring-forward night the local day still changes at local midnight.
    expect(reportDay(new Date("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    expect(reportDay(new Date("2026-03-29T21:30:00Z"), "Europe/Berlin")).toBe("2026-03-29");
  });
});
