"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { plural } from "@/lib/shared/plural";
import { CHANNEL_LABELS, formatTime, STATUS_LABELS } from "../shared/format";
import { SlaBadge, slaState, useNow } from "../shared/sla";
import { Empty, ErrorState, Loading } from "../shared/states";
import type { InboxFilters } from "./query-keys";
import { useInbox } from "./use-inbox";
import { searchString } from "../shared/search-string";
import { useAgents } from "./use-agents";
import { MATCH_LABELS, Snippet } from "./snippet";
import { isTyping } from "../shared/keyboard";

export interface Selection {
  ids: ReadonlySet<number>;
  toggle: (id: number) => void;
  set: (ids: number[]) => void;
}

/** j/k move the cursor, x selects, Enter or o opens — while no text field has focus. */
function useListKeys(
  ids: number[],
  selectedId: number | undefined,
  selection: Selection,
  hrefOf: (id: number) => string,
) {
  const router = useRouter();
  const cursor = useRef<number | undefined>(selectedId);
  useEffect(() => {
    cursor.current = selectedId ?? cursor.current;
  }, [selectedId]);
  useEffect(() => {
    const focus = (id: number) => {
      cursor.current = id;
      document.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (isTyping(e.target)) return;
      if (!ids.length) return;
      const at = cursor.current === undefined ? -1 : ids.indexOf(cursor.current);
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = e.key === "j" ? Math.min(at + 1, ids.length - 1) : Math.max(at - 1, 0);
        focus(ids[next]!);
      } else if (e.key === "x" && at >= 0) {
        e.preventDefault();
        selection.toggle(ids[at]!);
      } else if ((e.key === "o" || e.key === "Enter") && at >= 0 && !(e.target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        router.push(hrefOf(ids[at]!));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ids, selection, router, hrefOf]);
}

export function InboxList({
  filters,
  selectedId,
  selection,
  isNewHelpdesk,
  hrefOf,
}: {
  filters: InboxFilters;
  selectedId?: number;
  selection: Selection;
  isNewHelpdesk: boolean;
  hrefOf: (id: number) => string;
}) {
  const q = useInbox(filters);
  const now = useNow();
  const agents = useAgents();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  useListKeys(
    items.map((c) => c.id),
    selectedId,
    selection,
    hrefOf,
  );
  if (q.isPending) return <Loading label="Loading conversations…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const first = q.data.pages[0];
  const warnMinutes = first?.slaWarnMinutes ?? 30;
  if (!items.length)
    return (
      <Empty>
        {isNewHelpdesk ? (
          <>
            <strong>No conversations yet.</strong> Connect a channel — <Link href="/admin/mailboxes">email</Link>,{" "}
            <Link href="/admin/chat">the chat widget</Link> or <Link href="/admin/ivr">phone and SMS</Link> — or{" "}
            <Link href="/conversations/new">write to a customer</Link>.
          </>
        ) : filters.q ? (
          <>Nothing matches “{filters.q}” here. Try fewer words, or clear the filters.</>
        ) : filters.sort === "due" ? (
          "No conversations with an SLA clock running match these filters."
        ) : (
          "No conversations match these filters."
        )}
      </Empty>
    );
  const allSelected = items.every((c) => selection.ids.has(c.id));
  return (
    <>
      <div className="list-summary">
        <label className="check">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={() => selection.set(allSelected ? [] : items.map((c) => c.id))}
            aria-label="Select all shown"
          />
        </label>
        <span data-testid="list-total" role="status">
          {first?.total != null
            ? `${plural(first.total, "conversation")}${first.capped ? " (best 1,000 matches)" : ""}`
            : ""}
        </span>
      </div>
      <ul className="inbox-list" aria-label="Conversations">
        {items.map((c) => (
          <li
            key={c.id}
            className={`inbox-row${c.id === selectedId ? " is-selected" : ""}${
              c.slaDueAt ? ` sla-${slaState(c.slaDueAt, warnMinutes, now)}` : ""
            }`}
          >
            <input
              type="checkbox"
              className="row-check"
              checked={selection.ids.has(c.id)}
              onChange={() => selection.toggle(c.id)}
              aria-label={`Select #${c.id}`}
            />
            <Link
              href={hrefOf(c.id)}
              className="inbox-item"
              data-conversation-id={c.id}
              aria-current={c.id === selectedId ? "page" : undefined}
            >
              <span className="inbox-item-top">
                <strong className="inbox-customer">{c.customer.name}</strong>
                <time dateTime={c.lastMessageAt}>{formatTime(c.lastMessageAt)}</time>
              </span>
              <span className="inbox-subject">
                #{c.id} {c.subject}
              </span>
              {c.match ? (
                <span className="inbox-preview inbox-match" data-testid="search-snippet">
                  <span className="sr-only">Matched {MATCH_LABELS[c.match.in]}: </span>
                  <Snippet parts={c.match.snippet} />
                </span>
              ) : (
                <span className="inbox-preview">{c.preview}</span>
              )}
              <span className="inbox-badges">
                <span className={`badge status-${c.status}`}>
                  {(c.customStatus && agents.data?.statuses.find((x) => x.id === c.customStatus)?.name) ||
                    STATUS_LABELS[c.status]}
                </span>
                <span className="badge">{CHANNEL_LABELS[c.channel]}</span>
                {c.priority !== "normal" && <span className={`badge priority-${c.priority}`}>{c.priority}</span>}
                {c.slaDueAt && <SlaBadge dueAt={c.slaDueAt} warnMinutes={warnMinutes} now={now} />}
                {c.tags.map((t) => (
                  <span key={t} className="badge badge-tag">
                    {t}
                  </span>
                ))}
                <span className="muted">{c.assignee ? c.assignee.name : "Unassigned"}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {q.hasNextPage && (
        <button
          type="button"
          className="btn load-more"
          onClick={() => void q.fetchNextPage()}
          disabled={q.isFetchingNextPage}
        >
          {q.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}

export function toSearch(filters: Readonly<Record<string, string | undefined>>): string {
  const s = searchString({ ...filters });
  return s ? `?${s}` : "";
}
