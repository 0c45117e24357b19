"use client";
// Starting a conversation from the inbox: find the customer (or add one), then write.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { api } from "../shared/api-client";
import { TextField, useFieldErrors } from "../shared/field-errors";
import { formatIdentity } from "../shared/format";
import { FormError, Loading } from "../shared/states";
import { inboxKeys } from "../inbox/query-keys";
import { StartConversationForm } from "./start-conversation-form";
import { useCustomer } from "./use-customer";

type Found = { id: string; name: string; identities: Array<{ kind: string; value: string }> };

export function NewConversation() {
  const params = useSearchParams();
  const router = useRouter();
  const customerId = params.get("customer");
  if (customerId) return <WriteTo id={customerId} />;
  return <PickCustomer onPick={(id) => router.replace(`/conversations/new?customer=${encodeURIComponent(id)}`)} />;
}

function WriteTo({ id }: { id: string }) {
  const q = useCustomer(id);
  if (q.isPending) return <Loading label="Loading customer…" />;
  if (q.isError) return <FormError message={q.error.message} />;
  return (
    <section className="card">
      <h2>To {q.data.name}</h2>
      <StartConversationForm customer={q.data} />
    </section>
  );
}

function PickCustomer({ onPick }: { onPick: (id: string) => void }) {
  const [text, setText] = useState("");
  const term = text.trim();
  const found = useQuery({
    queryKey: inboxKeys.customers(term),
    queryFn: () => api<{ items: Found[] }>(`/api/customers?q=${encodeURIComponent(term)}`),
    enabled: term.length >= 2,
  });
  return (
    <>
      <section className="card" aria-labelledby="find-h">
        <h2 id="find-h">Find the customer</h2>
        <label>
          Name, email address or phone number
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        </label>
        {term.length >= 2 && found.isPending && <Loading label="Searching…" />}
        {found.data && (
          <ul className="plain-list" aria-label="Customers found">
            {found.data.items.map((c) => (
              <li key={c.id}>
                <button type="button" className="btn btn-link" onClick={() => onPick(c.id)}>
                  {c.name}
                </button>{" "}
                <span className="muted">
                  {c.identities
                    .filter((i) => i.kind === "email" || i.kind === "phone")
                    .map((i) => formatIdentity(i.kind, i.value))
                    .join(" · ")}
                </span>
              </li>
            ))}
            {!found.data.items.length && <li className="muted">Nobody matches “{term}”. Add them below.</li>}
          </ul>
        )}
      </section>
      <NewCustomer onCreated={onPick} />
    </>
  );
}

function NewCustomer({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: () =>
      api<{ id: string }>("/api/customers", {
        method: "POST",
        body: {
          name,
          identities: [
            ...(email.trim() ? [{ kind: "email", value: email }] : []),
            ...(phone.trim() ? [{ kind: "phone", value: phone }] : []),
          ],
        },
      }),
    onSuccess: (r) => onCreated(r.id),
  });
  const errors = useFieldErrors(create.error, form);
  return (
    <section className="card" aria-labelledby="new-customer-h">
      <h2 id="new-customer-h">Or add a new customer</h2>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <label>
          Email address
          <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Phone number (with country code)
          <input name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <FormError message={create.error && !Object.keys(errors).length ? create.error.message : undefined} />
        <button type="submit" className="btn" disabled={create.isPending}>
          Add customer
        </button>
      </form>
    </section>
  );
}
