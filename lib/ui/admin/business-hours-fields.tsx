"use client";
// Opening hours as admins type them ("09:00-17:00, 18:00-20:00" per day, holidays
// one per line) — shared by the phone menu and the SLA settings.
import { useEffect, useRef } from "react";
import { DAY_NAMES, WEEKDAYS, type BusinessHours, type Weekday } from "@/lib/shared/business-hours-schema";
import { ApiError } from "../shared/api-client";
import { FieldError } from "../shared/field-errors";

export type HoursField = Weekday | "timeZone" | "holidays";
export type HoursErrors = Partial<Record<HoursField, string>>;

/**
 * What is wrong with the hours, by field: the form's own reading of what was typed, else the server's
 * problems under `businessHours` (e.g. `…businessHours.weekly.mon.0.close`).
 */
export function hoursErrors(local: { field: HoursField; error: string } | null, server: unknown): HoursErrors {
  if (local) return { [local.field]: local.error };
  if (!(server instanceof ApiError) || !Array.isArray(server.details)) return {};
  const out: HoursErrors = {};
  for (const d of server.details as Array<{ path?: string; message?: string }>) {
    const parts = (d.path ?? "").split(".");
    const at = parts.indexOf("businessHours");
    if (at < 0 || !d.message) continue;
    const field = (parts[at + 1] === "weekly" ? parts[at + 2] : parts[at + 1]) as HoursField;
    if (field) out[field] ??= d.message;
  }
  return out;
}

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
): { hours: BusinessHours } | { error: string; field: Weekday } {
  const weekly: BusinessHours["weekly"] = {};
  for (const day of WEEKDAYS) {
    const parsed = textToIntervals(text[day] ?? "");
    if (typeof parsed === "string") return { error: parsed, field: day };
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
  errors = {},
}: {
  timeZone: string;
  onTimeZone: (tz: string) => void;
  hours: HoursText;
  onHours: (h: HoursText) => void;
  holidays: string;
  onHolidays: (h: string) => void;
  /** shown under the field they concern; the first one gets the focus */
  errors?: HoursErrors;
}) {
  const box = useRef<HTMLDivElement>(null);
  const first = (["timeZone", ...WEEKDAYS, "holidays"] as HoursField[]).find((f) => errors[f]);
  const signature = JSON.stringify(errors);
  useEffect(() => {
    if (first) box.current?.querySelector<HTMLElement>(`[name="hours-${first}"]`)?.focus();
  }, [first, signature]);
  const invalid = (f: HoursField) => ({ name: `hours-${f}`, "aria-invalid": !!errors[f] });
  return (
    <div ref={box}>
      <div className="fields">
        <label>
          Time zone
          <input value={timeZone} onChange={(e) => onTimeZone(e.target.value)} {...invalid("timeZone")} />
          <FieldError message={errors.timeZone} />
        </label>
      </div>
      <p className="muted">Opening hours per day, like 09:00-17:00 or 09:00-12:00, 13:00-17:00. Empty is closed.</p>
      <div className="fields hours">
        {WEEKDAYS.map((day) => (
          <label key={day}>
            {DAY_NAMES[day]}
            <input
              value={hours[day]}
              onChange={(e) => onHours({ ...hours, [day]: e.target.value })}
              {...invalid(day)}
            />
            <FieldError message={errors[day]} />
          </label>
        ))}
      </div>
      <label className="wide">
        Holidays (one date per line, YYYY-MM-DD)
        <textarea rows={3} value={holidays} onChange={(e) => onHolidays(e.target.value)} {...invalid("holidays")} />
        <FieldError message={errors.holidays} />
      </label>
    </div>
  );
}
