"use client";
// Saves the inbox's current filters as a named view, personal or shared with every agent.
import { useRef, useState } from "react";
import { FieldError, TextField, useFieldErrors } from "../shared/field-errors";
import { FormError } from "../shared/states";
import { useDeleteView, useSaveView } from "../shell/use-views";
import type { InboxFilters } from "./query-keys";

export function SaveView({ filters, onSaved }: { filters: InboxFilters; onSaved: (id: string) => void }) {
  const save = useSaveView();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFieldErrors(save.error, form);
  return (
    <form
      ref={form}
      className="save-view"
      aria-label="Save as a view"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, shared, filters }, { onSuccess: (r) => onSaved(r.id) });
      }}
      noValidate
    >
      <TextField
        label="View name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={60}
        error={errors.name}
      />
      <label className="check">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with every agent
      </label>
      <FieldError message={errors.filters} />
      <FormError message={save.error && !Object.keys(errors).length ? save.error.message : undefined} />
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save view"}
      </button>
    </form>
  );
}

export function DeleteViewButton({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const del = useDeleteView();
  return (
    <>
      <button
        type="button"
        className="btn btn-link"
        disabled={del.isPending}
        onClick={() => {
          if (confirm("Delete this view? The conversations stay as they are."))
            del.mutate(id, { onSuccess: onDeleted });
        }}
      >
        Delete view
      </button>
      <FormError message={del.error?.message} />
    </>
  );
}
