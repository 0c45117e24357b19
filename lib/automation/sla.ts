// SLA due times: which policy applies to a conversation, and when each of its
// targets falls due, counted in business hours from the moment the clock started.
import type { TChannel, TPriority, TStatus } from "../shared/vocabulary";
import { type BusinessHours } from "../shared/business-hours-schema";
import { addBusinessMinutes } from "../time/business-hours";
import type { SlaPolicy, SlaTarget } from "./config";

export interface SlaSubject {
  priority: TPriority;
  teamId: string | null;
  channel: TChannel;
}

/** The first policy whose every given condition holds. */
export function pickPolicy(policies: readonly SlaPolicy[], c: SlaSubject): SlaPolicy | undefined {
  return policies.find(
    ({ match: m }) =>
      (!m.priorities || m.priorities.includes(c.priority)) &&
      (!m.teamIds || (c.teamId !== null && m.teamIds.includes(c.teamId))) &&
      (!m.channels || m.channels.includes(c.channel)),
  );
}

export interface SlaClock {
  status: TStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
  /** the customer's first message since the last answer, when they are waiting for one */
  waitingSince: Date | null;
}

export interface DueTimes {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** the earliest of the three */
  slaDueAt: Date | null;
}

export const NO_DUE_TIMES: DueTimes = {
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  slaDueAt: null,
};

export function dueTimes(policy: SlaPolicy | undefined, hours: BusinessHours, clock: SlaClock): DueTimes {
  if (!policy || clock.status === "solved" || clock.status === "closed") return NO_DUE_TIMES;
  const after = (from: Date | null, minutes: number | undefined) =>
    from && minutes ? addBusinessMinutes(hours, from, minutes) : null;
  const due = {
    firstResponseDueAt: clock.firstResponseAt ? null : after(clock.createdAt, policy.firstResponseMinutes),
    nextResponseDueAt: clock.firstResponseAt ? after(clock.waitingSince, policy.nextResponseMinutes) : null,
    resolutionDueAt: after(clock.createdAt, policy.resolutionMinutes),
  };
  const times = Object.values(due).filter((d): d is Date => d !== null);
  return { ...due, slaDueAt: times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null };
}

export const DUE_FIELD: Record<SlaTarget, keyof Omit<DueTimes, "slaDueAt">> = {
  first_response: "firstResponseDueAt",
  next_response: "nextResponseDueAt",
  resolution: "resolutionDueAt",
};

const RAISED: Record<TPriority, TPriority> = { low: "normal", normal: "high", high: "urgent", urgent: "urgent" };
export const raisePriority = (p: TPriority): TPriority => RAISED[p];
