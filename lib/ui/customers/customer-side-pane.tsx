"use client";
// Beside a conversation: who the customer is and what else they have going on.
import Link from "next/link";
import { CHANNEL_LABELS, formatIdentity, STATUS_LABELS } from "../shared/format";
import { useCustomer } from "./use-customer";

export function CustomerSidePane({ customerId, conversationId }: { customerId: string; conversationId: number }) {
  const q = useCustomer(customerId);
  if (!q.data) return <aside className="conversation-side" aria-label="Customer" aria-busy={q.isPending} />;
  const c = q.data;
  const others = c.conversations.filter((x) => x.id !== conversationId);
  return (
    <aside className="conversation-side" aria-label="Customer">
      <h2>
        <Link href={`/customers/${c.id}`}>{c.name}</Link>
      </h2>
      {c.company && <p className="muted">{c.company}</p>}
      <ul className="plain-list">
        {c.identities
          .filter((i) => i.kind === "email" || i.kind === "phone")
          .map((i) => (
            <li key={i.id}>
              {formatIdentity(i.kind, i.value)}
              {i.optedOutAt && <span className="badge"> SMS off</span>}
            </li>
          ))}
      </ul>
      {c.attributeDefinitions
        .filter((d) => c.attributes[d.key] !== undefined)
        .map((d) => (
          <p key={d.key} className="side-attr">
            <span className="muted">{d.label}</span> {String(c.attributes[d.key])}
          </p>
        ))}
      {c.notes && <p className="side-notes">{c.notes}</p>}
      <h3>Other conversations</h3>
      {others.length ? (
        <ul className="plain-list">
          {others.slice(0, 8).map((x) => (
            <li key={x.id}>
              <Link href={`/inbox/${x.id}`}>
                #{x.id} {x.subject}
              </Link>{" "}
              <span className="muted">
                {CHANNEL_LABELS[x.channel]} · {STATUS_LABELS[x.status]}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
    </aside>
  );
}
