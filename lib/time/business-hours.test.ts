import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, type BusinessHours, isOpenAt, localTime, ZBusinessHours } from "./business-hours";

const weekdays9to17: BusinessHours = {
  timeZone: "Europe/Berlin",
  weekly: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [{ open: "09:00", close: "17:00" }]])),
  holidays: ["2026-12-25"],
};

describe("business hours", () => {
  it("is open inside the local interval and closed outside it, in the schedule's time zone", () => {
    // Thursday 2026-11-26: Berlin is UTC+1
    expect(isOpenAt(weekdays9to17, new Date("2026-11-26T07:59:00Z"))).toBe(false); // 08:59 local
    expect(isOpenAt(weekdays9to17, new Date("2026-11-26T08:00:00Z"))).toBe(true); // 09:00 local
    expect(isOpenAt(weekdays9to17, new Date("2026-11-26T15:59:00Z"))).toBe(true); // 16:59 local
    expect(isOpenAt(weekdays9to17, new Date("2026-11-26T16:00:00Z"))).toBe(false); // 17:00 local: closed
    expect(isOpenAt(weekdays9to17, new Date("2026-11-28T10:00:00Z"))).toBe(false); // Saturday
  });

  it("follows daylight-saving changes: 09:00 local is 07:00 UTC in summer and 08:00 UTC in winter", () => {
    expect(isOpenAt(weekdays9to17, new Date("2026-07-01T07:00:00Z"))).toBe(true);
    expect(isOpenAt(weekdays9to17, new Date("2026-11-26T07:00:00Z"))).toBe(false);
    // Sunday 2026-03-29 02:00 → 03:00 in Berlin; Monday after the change opens at 07:00 UTC
    expect(isOpenAt(weekdays9to17, new Date("2026-03-30T06:59:00Z"))).toBe(false);
    expect(isOpenAt(weekdays9to17, new Date("2026-03-30T07:00:00Z"))).toBe(true);
  });

  it("closes on holidays, by the local date", () => {
    expect(isOpenAt(weekdays9to17, new Date("2026-12-25T10:00:00Z"))).toBe(false); // a Friday
    expect(isOpenAt(weekdays9to17, new Date("2026-12-24T10:00:00Z"))).toBe(true);
  });

  it("keeps an overnight shift open past midnight, unless it started on a holiday", () => {
    const nights: BusinessHours = {
      timeZone: "America/New_York",
      weekly: { fri: [{ open: "22:00", close: "06:00" }] },
      holidays: ["2026-12-04"],
    };
    // Friday 2026-11-27 23:30 and Saturday 05:59 New York (UTC-5) are open; Saturday 06:00 is not
    expect(isOpenAt(nights, new Date("2026-11-28T04:30:00Z"))).toBe(true);
    expect(isOpenAt(nights, new Date("2026-11-28T10:59:00Z"))).toBe(true);
    expect(isOpenAt(nights, new Date("2026-11-28T11:00:00Z"))).toBe(false);
    expect(isOpenAt(nights, new Date("2026-11-27T20:00:00Z"))).toBe(false); // Friday 15:00
    // Friday 2026-12-04 is a holiday: neither its evening nor the Saturday morning after it is open
    expect(isOpenAt(nights, new Date("2026-12-05T04:30:00Z"))).toBe(false);
    expect(isOpenAt(nights, new Date("2026-12-05T10:00:00Z"))).toBe(false);
  });

  it("is always open with the 24/7 schedule, including the last minute of the day", () => {
    expect(isOpenAt(ALWAYS_OPEN, new Date("2026-11-26T23:59:59Z"))).toBe(true);
    expect(isOpenAt(ALWAYS_OPEN, new Date("2026-11-29T00:00:00Z"))).toBe(true);
  });

  it("reads local wall-clock time and weekday", () => {
    expect(localTime(new Date("2026-11-26T23:30:00Z"), "Asia/Tokyo")).toEqual({
      date: "2026-11-27",
      weekday: "fri",
      minutes: 8 * 60 + 30,
    });
  });

  it("rejects unknown time zones and malformed clocks with readable messages", () => {
    const r = ZBusinessHours.safeParse({
      timeZone: "Mars/Olympus",
      weekly: { mon: [{ open: "9am", close: "25:00" }] },
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain("Unknown time zone (use an IANA name like Europe/Berlin)");
    expect(messages).toContain("Use HH:MM (00:00–24:00)");
  });
});
