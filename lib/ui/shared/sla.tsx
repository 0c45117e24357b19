"use client";
// How an SLA due time reads in the inbox: overdue, breaching soon, or due later.
import { useEffect, useState } from "react";

export type SlaState = "breached" | "soon" | "ok";

export function slaState(dueAt: string, warnMinutes: number, now: number): SlaState {
  const left = new Date(dueAt).getTime() - now;
  return left <= 0 ? "breached" : left <= warnMinutes * 60_000 ? "soon" : "ok";
}

export function describeDue(dueAt: string, now: number): string {
  const left = Math.round((new Date(dueAt).getTime() - now) / 60_000);
  const span = (m: number) =>
    m < 60
      ? `${m} min`
      : m < 48 * 60
        ? `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`
        : `${Math.round(m / 1440)} days`;
  return left <= 0 ? `Overdue ${span(-left)}` : `Due in ${span(left)}`;
}

/** The time now, refreshed every 30 s so relative times move on their own. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function SlaBadge({ dueAt, warnMinutes, now }: { dueAt: string; warnMinutes: number; now: number }) {
  const state = slaState(dueAt, warnMinutes, now);
  return (
    <span
      className={`badge sla-${state}`}
      data-testid="sla-due"
      data-state={state}
      title={new Date(dueAt).toLocaleString()}
    >
      {describeDue(dueAt, now)}
    </span>
  );
}
