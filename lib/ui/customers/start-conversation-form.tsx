"use client";
// An agent writes first, by email or SMS; the customer's answer threads back.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { api } from "../shared/api-client";
import { TextAreaField, TextField, useFieldErrors } from "../shared/field-errors";
import { FormError } from "../shared/states";
import { inboxKeys } from "../inbox/query-keys";
import type { CustomerView } from "./use-customer";

export function StartConversationForm({ customer }: { customer: Pick<CustomerView, "id" | "name" | "identities"> }) {
  const router = useRouter();
  const qc = useQueryClient();
  const hasEmail = customer.identities.some((i) => i.kind === "email");
  const phones = customer.identities.filter((i) => i.kind === "phone");
  const smsOff = !phones.length
    ? "No phone number"
    : phones.every((p) => p.optedOutAt)
      ? "Opted out of SMS (texted STOP)"
      : null;
  const [channel, setChannel] = useState<"email" | "sms">(hasEmail || smsOff ? "email" : "sms");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const start = useMutation({
    mutationFn: () =>
      api<{ id: number }>("/api/conversations", {
        method: "POST",
        body: { customerId: customer.id, channel, body, ...(channel === "email" ? { subject } : {}) },
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: inboxKeys.all });
      router.push(`/inbox/${r.id}`);
    },
  });
  const errors = useFieldErrors(start.error, form);
  return (
    <form
      ref={form}
      className="start-form"
      aria-label={`Write to ${customer.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate();
      }}
    >
      <fieldset className="channel-choice">
        <legend>Send by</legend>
        <label className="check">
          <input
            type="radio"
            name="channel"
            value="email"
            checked={channel === "email"}
            disabled={!hasEmail}
            onChange={() => setChannel("email")}
          />
          Email{!hasEmail && <span className="muted"> — no email address</span>}
        </label>
        <label className="check">
          <input
            type="radio"
            name="channel"
            value="sms"
            checked={channel === "sms"}
            disabled={!!smsOff}
            onChange={() => setChannel("sms")}
          />
          SMS{smsOff && <span className="muted"> — {smsOff}</span>}
        </label>
      </fieldset>
      {channel === "email" && (
        <TextField
          label="Subject"
          name="subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={200}
          error={errors.subject}
        />
      )}
      <TextAreaField
        label="Message"
        name="body"
        rows={5}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.body}
      />
      <FormError message={start.error && !Object.keys(errors).length ? start.error.message : undefined} />
      <button type="submit" className="btn btn-primary" disabled={start.isPending || (!hasEmail && !!smsOff)}>
        {start.isPending ? "Sending…" : channel === "email" ? "Send email" : "Send SMS"}
      </button>
    </form>
  );
}
