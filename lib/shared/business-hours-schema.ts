// The shape of opening hours (a weekly schedule of intervals plus holidays, in
// a time zone): validated by the admin forms in the browser and by the server.
import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM (00:00–24:00)");

/** `close` at or before `open` means the interval runs past midnight into the next day (an overnight shift). */
export const ZInterval = z
  .object({ open: ZClock, close: ZClock })
  .refine((i) => i.open !== i.close || i.open === "00:00", "An interval cannot open and close at the same time");

export const ZTimeZone = z.string().refine(isTimeZone, "Unknown time zone (use an IANA name like Europe/Berlin)");

export const ZBusinessHours = z.object({
  timeZone: ZTimeZone,
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(ZInterval).max(6)),
  /** local dates (YYYY-MM-DD) when the whole day is closed */
  holidays: z.array(z.iso.date()).max(366).default([]),
});
export type BusinessHours = z.infer<typeof ZBusinessHours>;

export const ALWAYS_OPEN: BusinessHours = {
  timeZone: "UTC",
  weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ open: "00:00", close: "24:00" }]])),
  holidays: [],
};

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
