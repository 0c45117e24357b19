"use client";
// A form's validation errors next to their fields, in words: the server's
// per-field problems (`details: [{ path: "body.name", message }]`) keyed by the
// field's name, and the first field with one focused.
import {
  useEffect,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  type TextareaHTMLAttributes,
} from "react";
import { ApiError } from "./api-client";

export type FieldErrors = Record<string, string>;

/**
 * Per-field messages from a failed request. A refusal that names no field (the domain's own check, such as
 * "not a phone number") goes to `fallbackField` when the form has one obvious field.
 */
export function fieldErrorsOf(error: unknown, fallbackField?: string): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  if (!Array.isArray(error.details))
    return fallbackField && error.status >= 400 && error.status < 500 ? { [fallbackField]: error.message } : {};
  const out: FieldErrors = {};
  for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d.path !== "string" || typeof d.message !== "string") continue;
    const field = d.path.replace(/^(body|query)\.?/, "") || "_";
    out[field] ??= d.message;
  }
  return out;
}

/** The errors of the last failed submit; focuses the first field that has one. */
export function useFieldErrors(
  error: unknown,
  form: RefObject<HTMLFormElement | null>,
  fallbackField?: string,
): FieldErrors {
  const errors = fieldErrorsOf(error, fallbackField);
  const names = Object.keys(errors).join("\n");
  useEffect(() => {
    if (!names || !form.current) return;
    // The first field with an error in the order the form shows them.
    const wanted = new Set(names.split("\n"));
    const field = [...form.current.querySelectorAll<HTMLElement>("[name]")].find((el) =>
      wanted.has(el.getAttribute("name")!),
    );
    field?.focus();
  }, [error, names, form]);
  return errors;
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  );
}

type FieldProps = { label: ReactNode; name: string; error?: string };

/** A labelled input with its error under it, tied to it for screen readers. */
export function TextField({ label, name, error, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <label>
      {label}
      <input name={name} aria-invalid={!!error} aria-describedby={error ? id : undefined} {...input} />
      <FieldError id={id} message={error} />
    </label>
  );
}

/** TextField's multi-line twin. */
export function TextAreaField({
  label,
  name,
  error,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <label>
      {label}
      <textarea name={name} aria-invalid={!!error} aria-describedby={error ? id : undefined} {...textarea} />
      <FieldError id={id} message={error} />
    </label>
  );
}
