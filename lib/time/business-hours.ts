// Opening hours in a time zone: a weekly schedule of intervals plus holidays.
// Shared by the IVR (open or after-hours) and SLA timers. Local wall-clock
// times are read with Intl, so daylight-saving changes need no special cases.
import { type BusinessHours, type Weekday, WEEKDAYS } from "../shared/business-hours-schema";

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

/** A calendar date (YYYY-MM-DD) `days` later (earlier when negative): date arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

function previous(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
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
  const yesterday = addDays(now.date, -1);
  if (holiday(yesterday)) return false;
  return (hours.weekly[previous(now.weekday)] ?? []).some((i) => {
    const close = toMinutes(i.close);
    return close <= toMinutes(i.open) && now.minutes < close;
  });
}

const MINUTE_MS = 60_000;
/** How far ahead a due time is searched for: a schedule open less than this is treated as never open. */
const MAX_DAYS_AHEAD = 400;

function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;
}

/**
 * The instant a local wall-clock time happens in a time zone. A time skipped by
 * a spring-forward change is read with the offset before the change (so 02:30
 * on a night that skips 02:00–03:00 is 03:30); a time that
 * happens twice (fall back) maps to its first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  const offsetAt = (instant: number) => {
    const l = localTime(new Date(instant), timeZone);
    return Date.parse(`${l.date}T00:00:00Z`) + l.minutes * MINUTE_MS - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  };
  // The offset a few hours either side of the guess covers any change that night.
  const candidates = [offsetAt(wall - 12 * 3_600_000), offsetAt(wall + 12 * 3_600_000)].map((o) => wall - o);
  const exact = candidates.filter((c) => offsetAt(c) === wall - c).sort((a, b) => a - b);
  if (exact.length) return new Date(exact[0]!);
  // In the gap: shifted forward by the gap's length (what Temporal calls "compatible").
  return new Date(Math.max(...candidates));
}

/** The open spans (UTC instants) that start on one local date. */
function openSpans(hours: BusinessHours, date: string): Array<[start: number, end: number]> {
  if (hours.holidays.includes(date)) return [];
  return (hours.weekly[weekdayOf(date)] ?? []).map((i) => {
    const open = toMinutes(i.open);
    const close = toMinutes(i.close);
    const start = zonedInstant(date, open, hours.timeZone).getTime();
    const end =
      close > open ? zonedInstant(date, close, hours.timeZone) : zonedInstant(addDays(date, 1), close, hours.timeZone);
    return [start, end.getTime()];
  });
}

/**
 * The instant `minutes` of open time after `from` (SLA due times count only
 * business hours). Null when the schedule is not open that long within a year.
 */
export function addBusinessMinutes(hours: BusinessHours, from: Date, minutes: number): Date | null {
  let remaining = minutes * MINUTE_MS;
  let cursor = from.getTime();
  if (remaining <= 0) return new Date(cursor);
  // Start a day early: an overnight shift that began yesterday may still be open.
  let date = addDays(localTime(from, hours.timeZone).date, -1);
  for (let day = 0; day < MAX_DAYS_AHEAD; day++, date = addDays(date, 1)) {
    for (const [start, end] of openSpans(hours, date).sort((a, b) => a[0] - b[0])) {
      const begin = Math.max(start, cursor);
      if (begin >= end) continue;
      if (end - begin >= remaining) return new Date(begin + remaining);
      remaining -= end - begin;
      cursor = end;
    }
  }
  return null;
}

/** Open time between two instants, in minutes (for reports: time to first response in business hours). */
export function businessMinutesBetween(hours: BusinessHours, from: Date, to: Date): number {
  let total = 0;
  const stop = to.getTime();
  let date = addDays(localTime(from, hours.timeZone).date, -1);
  const lastDate = localTime(to, hours.timeZone).date;
  for (let day = 0; day < MAX_DAYS_AHEAD * 3 && date <= lastDate; day++, date = addDays(date, 1)) {
    for (const [start, end] of openSpans(hours, date)) {
      const a = Math.max(start, from.getTime());
      const b = Math.min(end, stop);
      if (b > a) total += b - a;
    }
  }
  return total / MINUTE_MS;
}
