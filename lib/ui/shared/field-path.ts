// A validation problem's field path as words an admin reads:
// "body.config.sla.businessHours.hours.mon.0.from" → "SLA › business hours › Monday › period 1 › from".
import { DAY_NAMES } from "@/lib/shared/business-hours-schema";

const DAYS: Record<string, string> = DAY_NAMES;
const WORDS: Record<string, string> = {
  sla: "SLA",
  csat: "surveys",
  autoAck: "auto-acknowledgement",
  ivr: "phone menu",
  url: "URL",
};
/** what one item of a list is called, where the list's name is not simply its plural */
const ITEM: Record<string, string> = { policies: "policy", entries: "entry", hours: "period" };

const words = (key: string) => WORDS[key] ?? DAYS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
const item = (list: string) =>
  DAYS[list]
    ? "period"
    : (ITEM[list] ?? (list.endsWith("s") ? list.slice(0, -1) : list)).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

export function pathInWords(path: string): string {
  const parts = path.split(".").filter(Boolean);
  while (["body", "query", "params", "config"].includes(parts[0] ?? "")) parts.shift();
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) out.push(`${item(parts[i - 1] ?? "item")} ${Number(part) + 1}`);
    // A list's name is said by its items ("rule 3"), a week's by its days, not twice.
    else if (DAYS[part] || !(/^\d+$/.test(parts[i + 1] ?? "") || DAYS[parts[i + 1] ?? ""])) out.push(words(part));
  });
  const text = out.join(" › ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
