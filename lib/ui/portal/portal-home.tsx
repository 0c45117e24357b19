"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CHANNEL_LABELS, formatTime, STATUS_LABELS } from "../shared/format";
import { Empty, ErrorState, Loading, FormError } from "../shared/states";
import { useMyConversations } from "./use-my-conversations";
import { useStartConversation } from "./use-portal-mutations";

export function PortalHome() {
  const list = useMyConversations();
  return (
    <div className="portal">
      <NewConversationForm />
      <section aria-labelledby="my-conversations">
        <h2 id="my-conversations">Your conversations</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Empty>You have no conversations yet. Ask us anything above.</Empty>
        ) : (
          <ul className="portal-list">
            {list.data.items.map((c) => (
              <li key={c.id}>
                <Link href={`/portal/c/${c.id}`} className="portal-item">
                  <strong>
                    #{c.id} {c.subject}
                  </strong>
                  <span className="muted">
                    <span className={`badge status-${c.status}`}>{STATUS_LABELS[c.status]}</span>{" "}
                    {CHANNEL_LABELS[c.channel]} · updated {formatTime(c.lastMessageAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NewConversationForm() {
  const start = useStartConversation();
  const router = useRouter();
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ subject, body }, { onSuccess: ({ id }) => router.push(`/portal/c/${id}`) });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-conversation">
      <h2 id="new-conversation">How can we help?</h2>
      <label>
        Subject
        <input value={subject} onChange={(e) => setSubject(e.target.value)} required maxLength={200} />
      </label>
      <label>
        Message
        <textarea value={body} onChange={(e) => setBody(e.target.value)} required rows={4} maxLength={50_000} />
      </label>
      <FormError message={start.error?.message} />
      <button type="submit" className="btn btn-primary" disabled={start.isPending}>
        {start.isPending ? "Sending…" : "Start conversation"}
      </button>
    </form>
  );
}
