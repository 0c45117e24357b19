"use client";
// Opening hours as admins type them ("09:00-17:00, 18:00-20:00" per day, holidays
// one per line) — shared by the phone menu and the SLA settings.
import { WEEKDAYS, type BusinessHours, type Weekday } from "@/lib/shared/business-hours-schema";

export const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

export type HoursText = Record<Weekday, string>;

export const hoursToText = (hours: BusinessHours): HoursText =>
  Object.fromEntries(
    WEEKDAYS.map((d) => [d, (hours.weekly[d] ?? []).map((i) => `${i.open}-${i.close}`).join(", ")]),
  ) as HoursText;

/** "09:00-12:00, 13:00-17:00" → intervals; empty → closed all day. */
function textToIntervals(text: string): BusinessHours["weekly"][Weekday] | string {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const intervals = [];
  for (const part of parts) {
    const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part);
    if (!m) return `"${part}" is not like 09:00-17:00`;
    intervals.push({ open: m[1]!, close: m[2]! });
  }
  return intervals;
}

/** The typed hours as the schema wants them, or a message naming the day that doesn't read. */
export function parseHours(
  timeZone: string,
  text: HoursText,
  holidays: string,
): { hours: BusinessHours } | { error: string } {
  const weekly: BusinessHours["weekly"] = {};
  for (const day of WEEKDAYS) {
    const parsed = textToIntervals(text[day] ?? "");
    if (typeof parsed === "string") return { error: `${DAY_NAMES[day]}: ${parsed}` };
    if (parsed?.length) weekly[day] = parsed;
  }
  return { hours: { timeZone, weekly, holidays: holidays.split(/[\s,]+/).filter(Boolean) } };
}

export function BusinessHoursFields({
  timeZone,
  onTimeZone,
  hours,
  onHours,
  holidays,
  onHolidays,
}: {
  timeZone: string;
  onTimeZone: (tz: string) => void;
  hours: HoursText;
  onHours: (h: HoursText) => void;
  holidays: string;
  onHolidays: (h: string) => void;
}) {
  return (
    <>
      <div className="fields">
        <label>
          Time zone
          <input value={timeZone} onChange={(e) => onTimeZone(e.target.value)} />
        </label>
      </div>
      <p className="muted">Opening hours per day, like 09:00-17:00 or 09:00-12:00, 13:00-17:00. Empty is closed.</p>
      <div className="fields hours">
        {WEEKDAYS.map((day) => (
          <label key={day}>
            {DAY_NAMES[day]}
            <input value={hours[day]} onChange={(e) => onHours({ ...hours, [day]: e.target.value })} />
          </label>
        ))}
      </div>
      <label className="wide">
        Holidays (one date per line, YYYY-MM-DD)
        <textarea rows={3} value={holidays} onChange={(e) => onHolidays(e.target.value)} />
      </label>
    </>
  );
}
