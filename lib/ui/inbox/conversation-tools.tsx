"use client";
// Less frequent actions on a conversation: its tags, merging it into another
// of the customer's conversations, and merging another customer record into
// this customer (undoable).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../shared/api-client";
import { FormError } from "../shared/states";
import { inboxKeys } from "./query-keys";
import type { ConversationView } from "./use-conversation";
import { useUpdateConversation } from "./use-conversation-mutations";
import { plural } from "@/lib/shared/plural";

interface FoundCustomer {
  id: string;
  name: string;
  identities: { kind: string; value: string }[];
  conversations: number;
}

export function ConversationTools({ conversation: c }: { conversation: ConversationView }) {
  return (
    <details className="conversation-tools">
      <summary>Tags and merging</summary>
      <TagsEditor conversation={c} />
      <MergeConversation conversation={c} />
      <MergeCustomer conversation={c} />
    </details>
  );
}

function TagsEditor({ conversation: c }: { conversation: ConversationView }) {
  const update = useUpdateConversation(c.id);
  const [text, setText] = useState(c.tags.join(", "));
  return (
    <form
      className="fields"
      aria-label="Tags"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({
          tags: text
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        });
      }}
    >
      <label>
        Tags (comma-separated)
        <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button className="btn" disabled={update.isPending}>
        Save tags
      </button>
      <FormError message={update.error?.message} />
    </form>
  );
}

function useRefresh(id: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: inboxKeys.conversation(id) });
    void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
  };
}

function MergeConversation({ conversation: c }: { conversation: ConversationView }) {
  const refresh = useRefresh(c.id);
  const [into, setInto] = useState("");
  const merge = useMutation({
    mutationFn: () =>
      api<{ conversationId: number; movedMessages: number }>(`/api/conversations/${c.id}/merge`, {
        method: "POST",
        body: { intoConversationId: Number(into.replace(/^#/, "")) },
      }),
    onSuccess: refresh,
  });
  // The refresh after a merge here shows the conversation as merged: keep this merge's confirmation in view.
  if (c.mergedIntoId && !merge.isSuccess) return <p className="muted">Merged into #{c.mergedIntoId}.</p>;
  return (
    <form
      className="fields"
      aria-label="Merge conversation"
      onSubmit={(e) => {
        e.preventDefault();
        merge.mutate();
      }}
    >
      {merge.isSuccess ? (
        <p role="status">
          Moved {plural(merge.data.movedMessages, "message")} into #{merge.data.conversationId}.
        </p>
      ) : (
        <>
          <label>
            Merge this conversation into #
            <input inputMode="numeric" value={into} onChange={(e) => setInto(e.target.value)} placeholder="123" />
          </label>
          <button className="btn" disabled={!/^#?\d+$/.test(into.trim()) || merge.isPending}>
            Merge
          </button>
        </>
      )}
      <FormError message={merge.error?.message} />
    </form>
  );
}

function MergeCustomer({ conversation: c }: { conversation: ConversationView }) {
  const refresh = useRefresh(c.id);
  const [q, setQ] = useState("");
  const search = useQuery({
    queryKey: inboxKeys.customers(q),
    queryFn: () => api<{ items: FoundCustomer[] }>(`/api/customers?q=${encodeURIComponent(q.trim())}`),
    enabled: q.trim().length >= 2,
  });
  const merge = useMutation({
    mutationFn: (other: FoundCustomer) =>
      api<{ mergeId: string }>(`/api/customers/${other.id}/merge`, {
        method: "POST",
        body: { intoCustomerId: c.customer.id },
      }).then((r) => ({ ...r, other })),
    onSuccess: refresh,
  });
  const undo = useMutation({
    mutationFn: (mergeId: string) => api(`/api/customers/merges/${mergeId}/undo`, { method: "POST" }),
    onSuccess: () => {
      refresh();
      merge.reset();
    },
  });
  const others = search.data?.items.filter((x) => x.id !== c.customer.id) ?? [];
  return (
    <section aria-label="Merge customers">
      <label>
        Same person as another customer? Find them by name, address or number
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {merge.isSuccess ? (
        <p role="status">
          Merged {merge.data.other.name} into {c.customer.name}.{" "}
          <button type="button" className="btn-link" onClick={() => undo.mutate(merge.data.mergeId)}>
            Undo
          </button>
        </p>
      ) : (
        q.trim().length >= 2 &&
        !search.isPending && (
          <ul className="customer-results">
            {others.length === 0 && <li className="muted">No other customer matches.</li>}
            {others.map((o) => (
              <li key={o.id} data-testid="customer-result">
                <strong>{o.name}</strong> <span className="muted">{o.identities.map((i) => i.value).join(" · ")}</span>{" "}
                · {plural(o.conversations, "conversation")}{" "}
                <button type="button" className="btn" disabled={merge.isPending} onClick={() => merge.mutate(o)}>
                  Merge into {c.customer.name}
                </button>
              </li>
            ))}
          </ul>
        )
      )}
      <FormError message={merge.error?.message ?? undo.error?.message} />
    </section>
  );
}
