"use client";
import { useState } from "react";
import { formatTime } from "../shared/format";
import { FormError } from "../shared/states";
import { useMailboxes, useMailboxMutations, type MailboxRow } from "./use-mailboxes";
import { QueryTable } from "../shared/data-table";

function health(m: MailboxRow): string {
  if (!m.enabled) return "paused";
  if (m.lastError) return `failing since ${formatTime(m.lastErrorAt!)}: ${m.lastError}`;
  if (m.lastSyncAt) return `synced ${formatTime(m.lastSyncAt)}`;
  return "connecting…";
}

export function Mailboxes() {
  const q = useMailboxes();
  const { create, setEnabled, remove } = useMailboxMutations();
  const [form, setForm] = useState({
    name: "",
    host: "",
    port: "993",
    secure: true,
    username: "",
    password: "",
    folder: "INBOX",
  });
  const field = (name: keyof typeof form) => ({
    value: String(form[name]),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });
  return (
    <>
      <QueryTable
        query={q}
        empty={<>No IMAP mailboxes yet. Mail also arrives through the SMTP receiver and the forwarding webhook.</>}
        label="Mailboxes"
        rows={() => q.data!.mailboxes}
        rowKey={(m) => m.id}
        rowTestId="mailbox-row"
        columns={[
          {
            header: "Mailbox",
            cell: (m) => (
              <>
                {m.name}
                <div className="muted">{m.username}</div>
              </>
            ),
          },
          {
            header: "Server",
            cell: (m) => (
              <>
                {m.host}:{m.port} {m.secure ? "(TLS)" : "(plain)"} · {m.folder}
              </>
            ),
          },
          { header: "Health", cell: health, className: (m) => (m.lastError ? "form-error" : undefined) },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (m) => (
              <>
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => setEnabled.mutate({ id: m.id, enabled: !m.enabled })}
                >
                  {m.enabled ? "Pause" : "Resume"}
                </button>{" "}
                <button type="button" className="btn-link" onClick={() => remove.mutate(m.id)}>
                  Remove
                </button>
              </>
            ),
          },
        ]}
      />
      <FormError message={setEnabled.error?.message ?? remove.error?.message} />

      <form
        className="card"
        aria-label="Add a mailbox"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { ...form, port: Number(form.port) },
            { onSuccess: () => setForm((f) => ({ ...f, name: "", username: "", password: "" })) },
          );
        }}
      >
        <h2>Add an IMAP mailbox</h2>
        <div className="fields">
          <label>
            Name
            <input {...field("name")} required />
          </label>
          <label>
            Server
            <input {...field("host")} placeholder="imap.example.com" required />
          </label>
          <label>
            Port
            <input {...field("port")} type="number" min={1} max={65535} required />
          </label>
          <label>
            Folder
            <input {...field("folder")} required />
          </label>
          <label>
            User name
            <input {...field("username")} autoComplete="off" required />
          </label>
          <label>
            Password
            <input {...field("password")} type="password" autoComplete="new-password" required />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.secure}
              onChange={(e) => setForm((f) => ({ ...f, secure: e.target.checked }))}
            />
            TLS (port 993)
          </label>
        </div>
        <FormError message={create.error?.message} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add mailbox"}
        </button>
      </form>
    </>
  );
}
