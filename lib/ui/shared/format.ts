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
