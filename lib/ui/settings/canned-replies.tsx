"use client";
import { useRef, useState } from "react";
import { CANNED_VARIABLES } from "@/lib/shared/canned-variables";
import { FieldError, TextAreaField, TextField, useFieldErrors } from "../shared/field-errors";
import { FormError, QueryStates } from "../shared/states";
import { useCannedReplies, useSaveCannedReply, type CannedReplyView } from "../inbox/use-canned-replies";

const BLANK = { title: "", shortcut: "", folder: "", body: "", shared: false };

export function CannedReplies() {
  const q = useCannedReplies();
  const [editing, setEditing] = useState<Partial<CannedReplyView> | null>(null);
  const remove = useSaveCannedReply();
  return (
    <>
      {editing ? (
        <CannedReplyForm key={editing.id ?? "new"} initial={editing} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => setEditing(BLANK)}>
          New canned reply
        </button>
      )}
      <QueryStates query={q} isEmpty={() => !q.data?.items.length} empty="No canned replies yet.">
        {() => (
          <>
            <ul className="plain-list canned-list" aria-label="Canned replies">
              {q.data?.items.map((r) => (
                <li key={r.id} className="card">
                  <strong>{r.title}</strong> <kbd>/{r.shortcut}</kbd>
                  {r.folder && <span className="badge">{r.folder}</span>}
                  {r.shared && <span className="badge">shared{r.editable ? "" : ` by ${r.owner.name}`}</span>}
                  <p className="msg-body">{r.body}</p>
                  {r.editable && (
                    <span>
                      <button type="button" className="btn btn-link" onClick={() => setEditing(r)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-link"
                        onClick={() => confirm(`Delete “${r.title}”?`) && remove.mutate({ id: r.id, remove: true })}
                      >
                        Delete
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <FormError message={remove.error?.message} />
          </>
        )}
      </QueryStates>
    </>
  );
}

function CannedReplyForm({ initial, onDone }: { initial: Partial<CannedReplyView>; onDone: () => void }) {
  const [v, setV] = useState({ ...BLANK, ...initial });
  const save = useSaveCannedReply();
  const form = useRef<HTMLFormElement>(null);
  const errors = useFieldErrors(save.error, form, "shortcut");
  const set = (k: keyof typeof BLANK) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <form
      ref={form}
      className="card"
      aria-label={initial.id ? "Edit canned reply" : "New canned reply"}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { id: initial.id, title: v.title, shortcut: v.shortcut, folder: v.folder, body: v.body, shared: v.shared },
          { onSuccess: onDone },
        );
      }}
    >
      <TextField
        label="Title"
        name="title"
        value={v.title}
        onChange={set("title")}
        maxLength={80}
        error={errors.title}
      />
      <TextField
        label="Shortcut (typed after / in a reply)"
        name="shortcut"
        value={v.shortcut}
        onChange={set("shortcut")}
        maxLength={30}
        error={errors.shortcut}
      />
      <TextField label="Folder (optional)" name="folder" value={v.folder} onChange={set("folder")} maxLength={40} />
      <TextAreaField label="Text" name="body" rows={6} value={v.body} onChange={set("body")} error={errors.body} />
      <p className="muted">Variables: {CANNED_VARIABLES.map((x) => `{{${x}}}`).join(" ")}</p>
      <label className="check">
        <input type="checkbox" checked={v.shared} onChange={(e) => setV({ ...v, shared: e.target.checked })} /> Share
        with every agent
      </label>
      <FieldError message={errors._} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
