"use client";
// Small pieces the automation cards share: reading form values, a checkbox group, a select of
// teams or agents, and the server's validation message in words.
import { ApiError } from "../../shared/api-client";
import { pathInWords } from "../../shared/field-path";

/** The first field problem the server names, in words ("Rule 3 › condition 1: …"), else its message. */
export function saveError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && Array.isArray(error.details) && error.details.length) {
    const d = error.details[0] as { path?: string; message?: string };
    return d.path ? `${pathInWords(d.path)}: ${d.message ?? ""}` : (d.message ?? error.message);
  }
  return error instanceof Error ? error.message : "Could not save.";
}

export const list = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
export const text = (v: FormDataEntryValue | null) => String(v ?? "").trim() || undefined;
export const minutes = (v: FormDataEntryValue | null) => (String(v ?? "").trim() ? Number(v) : undefined);
export const newId = () => Math.random().toString(36).slice(2, 10);

export function Checkboxes({ name, values, label }: { name: string; values: readonly string[]; label: string }) {
  return (
    <fieldset className="checkboxes">
      <legend>{label}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" name={name} value={v} /> {v}
        </label>
      ))}
    </fieldset>
  );
}

export function Select({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: { id: string; name: string }[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue="">
        <option value="">—</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
