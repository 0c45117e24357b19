import { STATUSES } from "@/lib/shared/vocabulary";
import { STATUS_LABELS } from "./format";

const CUSTOM = "custom:";
/** The value a status <select> uses for an admin-defined status. */
export const customValue = (id: string) => `${CUSTOM}${id}`;
/** The admin-defined status a status <select> value names, if it names one. */
export const customIdOf = (value: string) => (value.startsWith(CUSTOM) ? value.slice(CUSTOM.length) : undefined);

/** One <option> per conversation status, for any status <select>; admin-defined ones grouped after them. */
export function StatusOptions({ custom = [] }: { custom?: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
      {custom.length > 0 && (
        <optgroup label="Your statuses">
          {custom.map((c) => (
            <option key={c.id} value={customValue(c.id)}>
              {c.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}
