"use client";
// A form's validation errors next to their fields, in words: the server's
// per-field problems (`details: [{ path: "body.name", message }]`) keyed by the
// field's name, and the first field with one focused.
import { useEffect, type RefObject } from "react";
import { ApiError } from "./api-client";

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: FieldErrors = {};
  for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d.path !== "string" || typeof d.message !== "string") continue;
    const field = d.path.replace(/^(body|query)\.?/, "") || "_";
    out[field] ??= d.message;
  }
  return out;
}

/** The errors of the last failed submit; focuses the first field that has one. */
export function useFieldErrors(error: unknown, form: RefObject<HTMLFormElement | null>): FieldErrors {
  const errors = fieldErrorsOf(error);
  const first = Object.keys(errors)[0];
  useEffect(() => {
    if (!first || !form.current) return;
    const field = form.current.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`);
    field?.focus();
  }, [error, first, form]);
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
