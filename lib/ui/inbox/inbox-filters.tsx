"use client";
// Every filter the inbox has, bound to the URL; any combination can be saved as a view.
import { useState } from "react";
import { ChannelOptions } from "../shared/channel-options";
import { PRIORITIES } from "@/lib/shared/vocabulary";
import { customIdOf, customValue, StatusOptions } from "../shared/status-options";
import type { InboxFilters } from "./query-keys";
import { useAgents } from "./use-agents";
import { NamedOptions } from "../shared/named-options";

export function InboxFilterFields({
  filters,
  onChange,
  viewerId,
}: {
  filters: InboxFilters;
  onChange: (change: InboxFilters) => void;
  viewerId: string;
}) {
  const agents = useAgents();
  const set = (key: keyof InboxFilters) => (value: string) => onChange({ [key]: value || undefined });
  const [tag, setTag] = useState(filters.tag ?? "");
  return (
    <div className="filters" role="group" aria-label="Filters">
      <label>
        Status
        <select
          value={filters.customStatus ? customValue(filters.customStatus) : (filters.status ?? "")}
          onChange={(e) => {
            const customStatus = customIdOf(e.target.value);
            onChange({ status: customStatus ? undefined : e.target.value || undefined, customStatus });
          }}
        >
          <option value="">All</option>
          <option value="new,open,pending">Unsolved</option>
          <StatusOptions custom={agents.data?.statuses} />
        </select>
      </label>
      <label>
        Assignee
        <select value={filters.assignee ?? ""} onChange={(e) => set("assignee")(e.target.value)}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          <NamedOptions items={agents.data?.agents.filter((a) => a.id !== viewerId)} />
        </select>
      </label>
      <label>
        Team
        <select value={filters.team ?? ""} onChange={(e) => set("team")(e.target.value)}>
          <option value="">Any team</option>
          <NamedOptions items={agents.data?.teams} />
        </select>
      </label>
      <label>
        Channel
        <select value={filters.channel ?? ""} onChange={(e) => set("channel")(e.target.value)}>
          <option value="">All</option>
          <ChannelOptions />
        </select>
      </label>
      <label>
        Priority
        <select value={filters.priority ?? ""} onChange={(e) => set("priority")(e.target.value)}>
          <option value="">Any</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p[0]!.toUpperCase() + p.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label>
        SLA
        <select value={filters.sla ?? ""} onChange={(e) => set("sla")(e.target.value)}>
          <option value="">Any</option>
          <option value="at_risk">At risk or missed</option>
          <option value="breached">Missed</option>
        </select>
      </label>
      <form
        className="filter-tag"
        onSubmit={(e) => {
          e.preventDefault();
          set("tag")(tag.trim().toLowerCase());
        }}
      >
        <label>
          Tag
          <input
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            onBlur={() => tag.trim().toLowerCase() !== (filters.tag ?? "") && set("tag")(tag.trim().toLowerCase())}
            placeholder="any"
            maxLength={40}
          />
        </label>
      </form>
      <label>
        Created from
        <input type="date" value={filters.from ?? ""} onChange={(e) => set("from")(e.target.value)} />
      </label>
      <label>
        Created to
        <input type="date" value={filters.to ?? ""} onChange={(e) => set("to")(e.target.value)} />
      </label>
      <label>
        Sort
        <select value={filters.sort ?? ""} onChange={(e) => set("sort")(e.target.value)} disabled={!!filters.q}>
          <option value="">{filters.q ? "Best match" : "Latest activity"}</option>
          <option value="due">SLA due soonest</option>
        </select>
      </label>
    </div>
  );
}
