import { STATUSES } from "@/lib/conversations/vocabulary";
import { STATUS_LABELS } from "./format";

/** One <option> per conversation status, for any status <select>. */
export function StatusOptions() {
  return STATUSES.map((s) => (
    <option key={s} value={s}>
      {STATUS_LABELS[s]}
    </option>
  ));
}
