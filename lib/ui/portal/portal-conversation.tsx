"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { CHANNEL_LABELS, formatTime, STATUS_LABELS } from "../shared/format";
import { ErrorState, Loading, FormError } from "../shared/states";
import { usePortalConversation } from "./use-portal-conversation";
import { usePortalReply } from "./use-portal-mutations";

export function PortalConversation({ id }: { id: number }) {
  const q = usePortalConversation(id);
  const send = usePortalReply(id);
  const [body, setBody] = useState("");
  if (q.isPending) return <Loading label="Loading conversation…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) send.mutate(body, { onSuccess: () => setBody("") });
  };
  return (
    <article className="conversation portal-conversation" aria-labelledby="conversation-title">
      <p>
        <Link href="/portal">← All conversations</Link>
      </p>
      <h1 id="conversation-title">
        #{c.id} {c.subject}
      </h1>
      <p className="muted">
        <span className={`badge status-${c.status}`}>{STATUS_LABELS[c.status]}</span> started {formatTime(c.createdAt)}
      </p>
      <ol className="timeline" aria-label="Messages">
        {c.messages.map((m) => (
          <li
            key={m.id}
            className={`msg msg-${m.direction === "inbound" ? "mine" : "theirs"}`}
            data-testid="portal-message"
          >
            <div className="msg-meta">
              <strong>{m.direction === "inbound" ? "You" : (m.author?.name ?? "Support")}</strong>
              <span className="badge">{CHANNEL_LABELS[m.channel]}</span>
              <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
            </div>
            <p className="msg-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {c.status === "closed" ? (
        <p className="state state-empty">
          This conversation is closed. <Link href="/portal">Start a new one</Link> if you need more help.
        </p>
      ) : (
        <form className="composer" onSubmit={submit} aria-label="Reply">
          <label htmlFor="portal-reply">Your reply</label>
          <textarea
            id="portal-reply"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={3}
            maxLength={50_000}
          />
          <FormError message={send.error?.message} />
          <button type="submit" className="btn btn-primary" disabled={send.isPending || !body.trim()}>
            {send.isPending ? "Sending…" : "Send"}
          </button>
        </form>
      )}
    </article>
  );
}
