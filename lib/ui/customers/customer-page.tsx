"use client";
// The customer's whole story: who they are and how to reach them (editable,
// with inline errors), their attributes and notes, every conversation on every
// channel, their ratings — and a way to write to them.
import Link from "next/link";
import { useRef, useState } from "react";
import { api, ApiError } from "../shared/api-client";
import { FieldError, TextAreaField, TextField, useFieldErrors } from "../shared/field-errors";
import { CHANNEL_LABELS, formatIdentity, formatTime, IDENTITY_LABELS, STATUS_LABELS } from "../shared/format";
import { Empty, ErrorState, FormError, Loading } from "../shared/states";
import { StartConversationForm } from "./start-conversation-form";
import { useCustomer, useCustomerMutation, type CustomerView } from "./use-customer";

export function CustomerPage({ id }: { id: string }) {
  const q = useCustomer(id);
  if (q.isPending) return <Loading label="Loading customer…" />;
  if (q.isError)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Empty>
        No such customer. <Link href="/inbox">Back to the inbox</Link>
      </Empty>
    ) : (
      <ErrorState error={q.error} onRetry={() => void q.refetch()} />
    );
  const c = q.data;
  return (
    <div className="customer-page">
      <header className="customer-head">
        <h1>{c.name}</h1>
        <p className="muted">
          {c.company ? `${c.company} · ` : ""}customer since {new Date(c.createdAt).toLocaleDateString()}
          {c.portalAccount ? ` · signs in to the portal as ${c.portalAccount}` : ""}
        </p>
        {c.mergedIntoId && (
          <p className="notice">
            Merged into <Link href={`/customers/${c.mergedIntoId}`}>another customer</Link>.
          </p>
        )}
      </header>
      <div className="customer-grid">
        <div className="customer-col">
          <section className="card" aria-labelledby="conversations-h">
            <h2 id="conversations-h">Conversations</h2>
            {c.conversations.length ? (
              <ul className="plain-list customer-conversations" aria-label="Their conversations">
                {c.conversations.map((x) => (
                  <li key={x.id}>
                    <Link href={`/inbox/${x.id}`}>
                      #{x.id} {x.subject}
                    </Link>
                    <span className="inbox-badges">
                      <span className={`badge status-${x.status}`}>{STATUS_LABELS[x.status]}</span>
                      <span className="badge">{CHANNEL_LABELS[x.channel]}</span>
                      <span className="muted">
                        {formatTime(x.lastMessageAt)}
                        {x.assignee ? ` · ${x.assignee.name}` : ""}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No conversations yet.</p>
            )}
          </section>
          {!c.mergedIntoId && (
            <section className="card" aria-labelledby="start-h">
              <h2 id="start-h">Write to {c.name}</h2>
              <StartConversationForm customer={c} />
            </section>
          )}
          <section className="card" aria-labelledby="ratings-h">
            <h2 id="ratings-h">Satisfaction</h2>
            {c.ratings.length ? (
              <ul className="plain-list">
                {c.ratings.map((r) => (
                  <li key={r.conversationId}>
                    <span aria-label={`${r.rating} of 5`}>
                      {"★".repeat(r.rating ?? 0)}
                      {"☆".repeat(5 - (r.rating ?? 0))}
                    </span>{" "}
                    <Link href={`/inbox/${r.conversationId}`}>#{r.conversationId}</Link>
                    {r.comment ? ` “${r.comment}”` : ""}{" "}
                    <span className="muted">{r.answeredAt ? formatTime(r.answeredAt) : ""}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No ratings yet.</p>
            )}
          </section>
        </div>
        <div className="customer-col">
          <Identities customer={c} />
          <Profile customer={c} />
          {c.colleagues.length > 0 && (
            <section className="card" aria-labelledby="colleagues-h">
              <h2 id="colleagues-h">Also at {c.company}</h2>
              <ul className="plain-list">
                {c.colleagues.map((x) => (
                  <li key={x.id}>
                    <Link href={`/customers/${x.id}`}>{x.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function Identities({ customer: c }: { customer: CustomerView }) {
  const [kind, setKind] = useState<"email" | "phone">("email");
  const [value, setValue] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const add = useCustomerMutation(c.id, () =>
    api(`/api/customers/${c.id}/identities`, { method: "POST", body: { kind, value } }),
  );
  const remove = useCustomerMutation(c.id, (identityId: string) =>
    api(`/api/customers/${c.id}/identities/${identityId}`, { method: "DELETE" }),
  );
  const errors = useFieldErrors(add.error, form, "value");
  return (
    <section className="card" aria-labelledby="identities-h">
      <h2 id="identities-h">How to reach them</h2>
      <ul className="plain-list identities" aria-label="Identities">
        {c.identities.map((i) => (
          <li key={i.id}>
            <span className="muted">{IDENTITY_LABELS[i.kind] ?? i.kind}</span>{" "}
            <span data-testid={`identity-${i.kind}`}>
              {i.kind === "chat" ? "website visitor" : formatIdentity(i.kind, i.value)}
            </span>
            {i.optedOutAt && <span className="badge"> SMS off (texted STOP)</span>}
            {(i.kind === "email" || i.kind === "phone") && !c.mergedIntoId && (
              <EditIdentity customerId={c.id} identity={i} />
            )}
            {!c.mergedIntoId && (
              <button
                type="button"
                className="btn btn-link"
                disabled={remove.isPending}
                onClick={() => confirm(`Remove ${i.value}?`) && remove.mutate(i.id)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError message={remove.error?.message} />
      {!c.mergedIntoId && (
        <form
          ref={form}
          className="inline-form"
          aria-label="Add an email address or phone number"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(undefined, { onSuccess: () => setValue("") });
          }}
        >
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as "email" | "phone")} name="kind">
              <option value="email">Email</option>
              <option value="phone">Phone</option>
            </select>
          </label>
          <TextField
            label={kind === "email" ? "Email address" : "Phone number (with country code)"}
            name="value"
            type={kind === "email" ? "email" : "tel"}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={errors.value}
          />
          <button type="submit" className="btn" disabled={add.isPending || !value.trim()}>
            Add
          </button>
        </form>
      )}
    </section>
  );
}

function EditIdentity({ customerId, identity }: { customerId: string; identity: CustomerView["identities"][number] }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(identity.value);
  const save = useCustomerMutation(customerId, () =>
    api(`/api/customers/${customerId}/identities/${identity.id}`, { method: "PATCH", body: { value } }),
  );
  if (!editing)
    return (
      <button type="button" className="btn btn-link" onClick={() => setEditing(true)}>
        Edit
      </button>
    );
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, { onSuccess: () => setEditing(false) });
      }}
    >
      <label>
        <span className="sr-only">Correct {identity.value}</span>
        <input name="value" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        <FieldError message={save.error?.message} />
      </label>
      <button type="submit" className="btn" disabled={save.isPending}>
        Save
      </button>
      <button type="button" className="btn btn-link" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}

function Profile({ customer: c }: { customer: CustomerView }) {
  const [name, setName] = useState(c.name);
  const [company, setCompany] = useState(c.company ?? "");
  const [notes, setNotes] = useState(c.notes);
  const [attributes, setAttributes] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(c.attributes).map(([k, v]) => [k, String(v)])),
  );
  const form = useRef<HTMLFormElement>(null);
  const save = useCustomerMutation(c.id, () =>
    api(`/api/customers/${c.id}`, {
      method: "PATCH",
      body: {
        name,
        company: company.trim() || null,
        notes,
        attributes: Object.fromEntries(
          c.attributeDefinitions.map((d) => {
            const v = attributes[d.key]?.trim() ?? "";
            return [d.key, v === "" ? null : d.type === "number" && !Number.isNaN(Number(v)) ? Number(v) : v];
          }),
        ),
      },
    }),
  );
  const errors = useFieldErrors(save.error, form);
  const disabled = !!c.mergedIntoId;
  return (
    <section className="card" aria-labelledby="profile-h">
      <h2 id="profile-h">Profile</h2>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={disabled}
          error={errors.name}
        />
        <TextField
          label="Company"
          name="company"
          value={company}
          onChange={(e) => setCompany(e.target.value)}
          disabled={disabled}
          error={errors.company}
        />
        {c.attributeDefinitions.map((d) => {
          const field = `attributes.${d.key}`;
          const set = (v: string) => setAttributes((a) => ({ ...a, [d.key]: v }));
          return (
            <label key={d.key}>
              {d.label}
              {d.type === "list" ? (
                <select
                  name={field}
                  value={attributes[d.key] ?? ""}
                  onChange={(e) => set(e.target.value)}
                  disabled={disabled}
                >
                  <option value="">—</option>
                  {d.options?.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={field}
                  type={d.type === "date" ? "date" : d.type === "number" ? "number" : "text"}
                  value={attributes[d.key] ?? ""}
                  onChange={(e) => set(e.target.value)}
                  disabled={disabled}
                  aria-invalid={!!errors[field]}
                />
              )}
              <FieldError message={errors[field]} />
            </label>
          );
        })}
        <TextAreaField
          label="Notes"
          name="notes"
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          disabled={disabled}
          error={errors.notes}
        />
        <FormError message={save.error && !Object.keys(errors).length ? save.error.message : undefined} />
        {save.isSuccess && !save.isPending && (
          <p role="status" className="muted">
            Saved.
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending || disabled}>
          {save.isPending ? "Saving…" : "Save profile"}
        </button>
      </form>
    </section>
  );
}
