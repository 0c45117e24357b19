"use client";
import Link from "next/link";
import { CHANNEL_LABELS, formatTime, STATUS_LABELS } from "../shared/format";
import { SlaBadge, slaState, useNow } from "../shared/sla";
import { Empty, ErrorState, Loading } from "../shared/states";
import type { InboxFilters } from "./query-keys";
import { useInbox } from "./use-inbox";
import { searchString } from "../shared/search-string";
import { useAgents } from "./use-agents";

export function InboxList({ filters, selectedId }: { filters: InboxFilters; selectedId?: number }) {
  const q = useInbox(filters);
  const now = useNow();
  const agents = useAgents();
  if (q.isPending) return <Loading label="Loading conversations…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  const warnMinutes = q.data.pages[0]?.slaWarnMinutes ?? 30;
  if (!items.length)
    return (
      <Empty>
        {filters.sort === "due"
          ? "No conversations with an SLA clock running match these filters."
          : "No conversations match these filters."}
      </Empty>
    );
  return (
    <>
      <ul className="inbox-list" aria-label="Conversations">
        {items.map((c) => (
          <li key={c.id}>
            <Link
              href={`/inbox/${c.id}${toSearch(filters)}`}
              className={`inbox-item${c.id === selectedId ? " is-selected" : ""}${
                c.slaDueAt ? ` sla-${slaState(c.slaDueAt, warnMinutes, now)}` : ""
              }`}
              aria-current={c.id === selectedId ? "page" : undefined}
            >
              <span className="inbox-item-top">
                <strong className="inbox-customer">{c.customer.name}</strong>
                <time dateTime={c.lastMessageAt}>{formatTime(c.lastMessageAt)}</time>
              </span>
              <span className="inbox-subject">
                #{c.id} {c.subject}
              </span>
              <span className="inbox-preview">{c.preview}</span>
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

export function toSearch(filters: InboxFilters): string {
  const s = searchString({ ...filters });
  return s ? `?${s}` : "";
}
