// Opening hours in a time zone: a weekly schedule of intervals plus holidays.
// Shared by the IVR (open or after-hours) and, later, SLA timers. Local wall-clock
// times are read with Intl, so daylight-saving changes need no special cases.
import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

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

interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: Weekday;
  minutes: number; // since local midnight
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: parts.weekday!.toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

function previous(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
}

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Open at this instant? A holiday closes the intervals that start on it; an
 * overnight shift that started the evening before still counts (its start
 * day decides whether it happens at all).
 */
export function isOpenAt(hours: BusinessHours, at: Date): boolean {
  const now = localTime(at, hours.timeZone);
  const holiday = (date: string) => hours.holidays.includes(date);
  if (!holiday(now.date)) {
    for (const i of hours.weekly[now.weekday] ?? []) {
      const open = toMinutes(i.open);
      const close = toMinutes(i.close);
      if (close > open ? now.minutes >= open && now.minutes < close : now.minutes >= open) return true;
    }
  }
  const yesterday = previousDate(now.date);
  if (holiday(yesterday)) return false;
  return (hours.weekly[previous(now.weekday)] ?? []).some((i) => {
    const close = toMinutes(i.close);
    return close <= toMinutes(i.open) && now.minutes < close;
  });
}
