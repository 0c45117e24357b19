"use client";
// The custom attributes every customer can have (typed), defined by an admin.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { TAttributeDefinition } from "@/lib/customers/profile";
import { api } from "../shared/api-client";
import { FieldError, useFieldErrors } from "../shared/field-errors";
import { ErrorState, FormError, Loading } from "../shared/states";
import { inboxKeys } from "../inbox/query-keys";
import { useAttributeDefinitions } from "../customers/use-customer";

type Row = { key: string; label: string; type: TAttributeDefinition["type"]; options: string };

export function CustomerAttributesEditor() {
  const q = useAttributeDefinitions();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return <Editor initial={q.data.definitions} />;
}

function Editor({ initial }: { initial: TAttributeDefinition[] }) {
  const qc = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => initial.map((d) => ({ ...d, options: (d.options ?? []).join(", ") })));
  const form = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (definitions: TAttributeDefinition[]) =>
      api<{ definitions: TAttributeDefinition[] }>("/api/customers/attributes", {
        method: "PUT",
        body: { definitions },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.attributeDefinitions() }),
  });
  const errors = useFieldErrors(save.error, form);
  const set = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          rows.map((r) => ({
            key: r.key.trim(),
            label: r.label,
            type: r.type,
            ...(r.type === "list"
              ? {
                  options: r.options
                    .split(",")
                    .map((o) => o.trim())
                    .filter(Boolean),
                }
              : {}),
          })),
        );
      }}
    >
      {!rows.length && (
        <p className="muted">No attributes yet. Add one — a plan, a renewal date, an account manager.</p>
      )}
      {rows.map((r, i) => {
        const err = (f: string) => errors[`definitions.${i}.${f}`];
        return (
          <fieldset key={i} className="card attr-row">
            <legend>{r.label || `Attribute ${i + 1}`}</legend>
            <label>
              Label
              <input
                name={`definitions.${i}.label`}
                value={r.label}
                onChange={(e) => set(i, { label: e.target.value })}
              />
              <FieldError message={err("label")} />
            </label>
            <label>
              Key (for the API)
              <input name={`definitions.${i}.key`} value={r.key} onChange={(e) => set(i, { key: e.target.value })} />
              <FieldError message={err("key")} />
            </label>
            <label>
              Type
              <select
                name={`definitions.${i}.type`}
                value={r.type}
                onChange={(e) => set(i, { type: e.target.value as Row["type"] })}
              >
                <option value="text">Text</option>
                <option value="number">Number</option>
                <option value="date">Date</option>
                <option value="list">List of choices</option>
              </select>
            </label>
            {r.type === "list" && (
              <label>
                Choices (comma-separated)
                <input
                  name={`definitions.${i}.options`}
                  value={r.options}
                  onChange={(e) => set(i, { options: e.target.value })}
                />
                <FieldError message={err("options")} />
              </label>
            )}
            <button type="button" className="btn btn-link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove
            </button>
          </fieldset>
        );
      })}
      <FieldError message={errors.definitions} />
      <FormError message={save.error && !Object.keys(errors).length ? save.error.message : undefined} />
      {save.isSuccess && (
        <p role="status" className="muted">
          Saved.
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => setRows([...rows, { key: "", label: "", type: "text", options: "" }])}
        >
          Add attribute
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save attributes"}
        </button>
      </div>
    </form>
  );
}
