import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, type BusinessHours } from "../shared/business-hours-schema";
import { ZSlaPolicy } from "./config";
import { dueTimes, pickPolicy, raisePriority } from "./sla";

const urgent = ZSlaPolicy.parse({
  id: "urgent",
  name: "Urgent",
  match: { priorities: ["urgent", "high"] },
  firstResponseMinutes: 30,
  nextResponseMinutes: 60,
  resolutionMinutes: 480,
});
const billing = ZSlaPolicy.parse({
  id: "billing",
  name: "Billing",
  match: { teamIds: ["t-bill"] },
  firstResponseMinutes: 120,
});
const fallback = ZSlaPolicy.parse({ id: "all", name: "Everyone", firstResponseMinutes: 240 });
const officeHours: BusinessHours = {
  timeZone: "UTC",
  weekly: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [{ open: "09:00", close: "17:00" }]])),
  holidays: [],
};
const at = (iso: string) => new Date(iso);

describe("SLA policies", () => {
  it("picks the first policy whose conditions all hold", () => {
    const policies = [urgent, billing, fallback];
    expect(pickPolicy(policies, { priority: "high", teamId: "t-bill", channel: "sms" })?.id).toBe("urgent");
    expect(pickPolicy(policies, { priority: "normal", teamId: "t-bill", channel: "sms" })?.id).toBe("billing");
    expect(pickPolicy(policies, { priority: "normal", teamId: null, channel: "sms" })?.id).toBe("all");
    expect(pickPolicy([billing], { priority: "normal", teamId: null, channel: "sms" })).toBeUndefined();
  });

  it("counts due times in business hours from the conversation's start", () => {
    // Thursday 16:00 UTC + 30 business minutes with 09–17 → 16:30; resolution 8 h → Friday 16:00
    const due = dueTimes(urgent, officeHours, {
      status: "new",
      createdAt: at("2026-11-26T16:00:00Z"),
      firstResponseAt: null,
      waitingSince: null,
    });
    expect(due).toEqual({
      firstResponseDueAt: at("2026-11-26T16:30:00Z"),
      nextResponseDueAt: null,
      resolutionDueAt: at("2026-11-27T16:00:00Z"),
      slaDueAt: at("2026-11-26T16:30:00Z"),
    });
  });

  it("after the first response, runs the next-response clock from the customer's waiting message", () => {
    const due = dueTimes(urgent, ALWAYS_OPEN, {
      status: "open",
      createdAt: at("2026-11-26T10:00:00Z"),
      firstResponseAt: at("2026-11-26T10:10:00Z"),
      waitingSince: at("2026-11-26T12:00:00Z"),
    });
    expect(due.firstResponseDueAt).toBeNull();
    expect(due.nextResponseDueAt).toEqual(at("2026-11-26T13:00:00Z"));
    expect(due.slaDueAt).toEqual(at("2026-11-26T13:00:00Z"));
    // Nobody waiting: no next-response clock; resolution still runs
    const answered = dueTimes(urgent, ALWAYS_OPEN, {
      status: "open",
      createdAt: at("2026-11-26T10:00:00Z"),
      firstResponseAt: at("2026-11-26T10:10:00Z"),
      waitingSince: null,
    });
    expect(answered.nextResponseDueAt).toBeNull();
    expect(answered.slaDueAt).toEqual(at("2026-11-26T18:00:00Z"));
  });

  it("stops every clock when the conversation is solved or closed, or no policy applies", () => {
    const clock = { createdAt: at("2026-11-26T10:00:00Z"), firstResponseAt: null, waitingSince: null };
    expect(dueTimes(urgent, ALWAYS_OPEN, { ...clock, status: "solved" }).slaDueAt).toBeNull();
    expect(dueTimes(urgent, ALWAYS_OPEN, { ...clock, status: "closed" }).slaDueAt).toBeNull();
    expect(dueTimes(undefined, ALWAYS_OPEN, { ...clock, status: "open" }).slaDueAt).toBeNull();
  });

  it("raises priority one step, up to urgent", () => {
    expect(["low", "normal", "high", "urgent"].map((p) => raisePriority(p as "low"))).toEqual([
      "normal",
      "high",
      "urgent",
      "urgent",
    ]);
  });
});
