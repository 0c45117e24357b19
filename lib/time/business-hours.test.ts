import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, type BusinessHours, ZBusinessHours } from "../shared/business-hours-schema";
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, localTime, zonedInstant } from "./business-hours";

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

describe("business time arithmetic (SLA due times)", () => {
  const at = (iso: string) => new Date(iso);

  it("counts only open minutes: 4 business hours from Thursday 15:00 Berlin is Friday 11:00", () => {
    // 15:00–17:00 Thursday (2 h), then 09:00–11:00 Friday
    expect(addBusinessMinutes(weekdays9to17, at("2026-11-26T14:00:00Z"), 240)).toEqual(at("2026-11-27T10:00:00Z"));
  });

  it("starts at opening time when asked outside hours, and skips weekends", () => {
    // Friday 18:00 local: nothing until Monday 09:00; 30 min later is 09:30 (08:30 UTC)
    expect(addBusinessMinutes(weekdays9to17, at("2026-11-27T17:00:00Z"), 30)).toEqual(at("2026-11-30T08:30:00Z"));
  });

  it("skips holidays", () => {
    // Thursday 2026-12-24 16:30 local + 60 min: 30 min that day, Friday 25th is a holiday, weekend → Monday 09:30
    expect(addBusinessMinutes(weekdays9to17, at("2026-12-24T15:30:00Z"), 60)).toEqual(at("2026-12-28T08:30:00Z"));
  });

  it("keeps working through a daylight-saving change (the UTC opening time moves by an hour)", () => {
    // Friday 2026-03-27 16:00 Berlin (UTC+1) + 2 h: 1 h Friday, then Monday 2026-03-30 09:00 CEST (07:00 UTC) + 1 h
    expect(addBusinessMinutes(weekdays9to17, at("2026-03-27T15:00:00Z"), 120)).toEqual(at("2026-03-30T08:00:00Z"));
    // Autumn: Friday 2026-10-23 16:00 CEST (14:00 UTC) + 2 h → Monday 2026-10-26 10:00 CET (09:00 UTC)
    expect(addBusinessMinutes(weekdays9to17, at("2026-10-23T14:00:00Z"), 120)).toEqual(at("2026-10-26T09:00:00Z"));
  });

  it("measures an overnight shift across a DST night in real elapsed time", () => {
    // Saturday 2026-10-31 22:00 → Sunday 06:00 in New York; clocks fall back at 02:00, so the shift lasts 9 h
    const nights: BusinessHours = {
      timeZone: "America/New_York",
      weekly: { sat: [{ open: "22:00", close: "06:00" }] },
      holidays: [],
    };
    const start = at("2026-11-01T02:00:00Z"); // Saturday 22:00 EDT
    expect(businessMinutesBetween(nights, start, at("2026-11-01T12:00:00Z"))).toBe(9 * 60);
    expect(addBusinessMinutes(nights, start, 9 * 60)).toEqual(at("2026-11-01T11:00:00Z")); // 06:00 EST
    // An overnight shift that began yesterday is still counted from now
    expect(addBusinessMinutes(nights, at("2026-11-01T10:00:00Z"), 30)).toEqual(at("2026-11-01T10:30:00Z"));
  });

  it("is wall-clock time on the 24/7 schedule and null when the schedule is never open", () => {
    expect(addBusinessMinutes(ALWAYS_OPEN, at("2026-11-26T23:50:00Z"), 60)).toEqual(at("2026-11-27T00:50:00Z"));
    const never: BusinessHours = { timeZone: "UTC", weekly: {}, holidays: [] };
    expect(addBusinessMinutes(never, at("2026-11-26T10:00:00Z"), 1)).toBeNull();
  });

  it("maps local times to instants, including ones a spring-forward change skips or a fall-back repeats", () => {
    expect(zonedInstant("2026-11-26", 9 * 60, "Europe/Berlin")).toEqual(at("2026-11-26T08:00:00Z"));
    expect(zonedInstant("2026-07-01", 9 * 60, "Europe/Berlin")).toEqual(at("2026-07-01T07:00:00Z"));
    // 02:30 doesn't exist on 2026-03-29 in Berlin: read with the winter offset → 01:30 UTC (03:30 CEST)
    expect(zonedInstant("2026-03-29", 150, "Europe/Berlin")).toEqual(at("2026-03-29T01:30:00Z"));
    // 02:30 happens twice on 2026-10-25: the first one (CEST) is 00:30 UTC
    expect(zonedInstant("2026-10-25", 150, "Europe/Berlin")).toEqual(at("2026-10-25T00:30:00Z"));
    expect(zonedInstant("2026-11-26", 24 * 60, "Asia/Kolkata")).toEqual(at("2026-11-26T18:30:00Z"));
  });

  it("counts the open minutes between two instants", () => {
    // Thursday 15:00 → Monday 10:00 Berlin: 2 h + 8 h (Friday) + 1 h = 11 h
    expect(businessMinutesBetween(weekdays9to17, at("2026-11-26T14:00:00Z"), at("2026-11-30T09:00:00Z"))).toBe(660);
    expect(businessMinutesBetween(weekdays9to17, at("2026-11-28T10:00:00Z"), at("2026-11-28T12:00:00Z"))).toBe(0);
  });
});
