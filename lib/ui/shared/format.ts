import { parsePhoneNumberFromString } from "libphonenumber-js/min";

export function formatTime(iso: string): string {
  const d = new Date(iso);
  const sameDay = new Date().toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : d.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

export const CHANNEL_LABELS: Record<string, string> = {
  portal: "Portal",
  chat: "Chat",
  email: "Email",
  sms: "SMS",
  voice: "Phone",
  api: "API",
};

export const STATUS_LABELS: Record<string, string> = {
  new: "New",
  open: "Open",
  pending: "Pending",
  solved: "Solved",
  closed: "Closed",
};

/** A phone number as people write it (+1 415 555 0123); other identities as they are. */
export function formatIdentity(kind: string, value: string): string {
  if (kind !== "phone") return value;
  return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
}

export const IDENTITY_LABELS: Record<string, string> = {
  email: "Email",
  phone: "Phone",
  chat: "Chat visitor",
  sso: "Single sign-on",
  withheld: "Withheld number",
};
