"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { Empty } from "../shared/states";
import { ConversationPane } from "./conversation-pane";
import { InboxList, toSearch } from "./inbox-list";
import type { InboxFilters } from "./query-keys";
import { ChannelOptions } from "../shared/channel-options";
import { customIdOf, customValue, StatusOptions } from "../shared/status-options";
import { useAgents } from "./use-agents";

export function Inbox({ selectedId, viewerId }: { selectedId?: number; viewerId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const filters: InboxFilters = {
    status: params.get("status") ?? undefined,
    assignee: params.get("assignee") ?? undefined,
    channel: params.get("channel") ?? undefined,
    sort: params.get("sort") ?? undefined,
    customStatus: params.get("customStatus") ?? undefined,
  };
  const agents = useAgents();
  const setFilters = (change: InboxFilters) =>
    router.replace(`/inbox${selectedId ? `/${selectedId}` : ""}${toSearch({ ...filters, ...change })}`);
  const setFilter = (key: keyof InboxFilters, value: string) => setFilters({ [key]: value || undefined });

  return (
    <div className="inbox">
      <section className="inbox-sidebar" aria-label="Inbox">
        <div className="filters" role="group" aria-label="Filters">
          <label>
            Status
            <select
              value={filters.customStatus ? customValue(filters.customStatus) : (filters.status ?? "")}
              onChange={(e) => {
                const customStatus = customIdOf(e.target.value);
                setFilters({ status: customStatus ? undefined : e.target.value || undefined, customStatus });
              }}
            >
              <option value="">All</option>
              <option value="new,open,pending">Unsolved</option>
              <StatusOptions custom={agents.data?.statuses} />
            </select>
          </label>
          <label>
            Assignee
            <select value={filters.assignee ?? ""} onChange={(e) => setFilter("assignee", e.target.value)}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="unassigned">Unassigned</option>
            </select>
          </label>
          <label>
            Channel
            <select value={filters.channel ?? ""} onChange={(e) => setFilter("channel", e.target.value)}>
              <option value="">All</option>
              <ChannelOptions />
            </select>
          </label>
          <label>
            Sort
            <select value={filters.sort ?? ""} onChange={(e) => setFilter("sort", e.target.value)}>
              <option value="">Latest activity</option>
              <option value="due">SLA due soonest</option>
            </select>
          </label>
        </div>
        <InboxList filters={filters} selectedId={selectedId} />
      </section>
      <section className="inbox-main">
        {selectedId ? (
          <ConversationPane id={selectedId} viewerId={viewerId} />
        ) : (
          <Empty>Pick a conversation on the left.</Empty>
        )}
      </section>
    </div>
  );
}
