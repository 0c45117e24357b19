/** The inbox's filters as its URL carries them (see lib/conversations/inbox-filter.ts). */
export const FILTER_KEYS = [
  "status",
  "assignee",
  "team",
  "channel",
  "priority",
  "tag",
  "customStatus",
  "sla",
  "from",
  "to",
  "mentions",
  "q",
  "sort",
] as const;
export type InboxFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function filtersFrom(params: { get(key: string): string | null }): InboxFilters {
  const f: InboxFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export const inboxKeys = {
  all: ["inbox"] as const,
  lists: () => [...inboxKeys.all, "list"] as const,
  list: (f: InboxFilters) => [...inboxKeys.lists(), f] as const,
  /** the sidebar's views and counts: under lists(), so every conversation event recounts them */
  views: () => [...inboxKeys.lists(), "views"] as const,
  customer: (id: string) => [...inboxKeys.all, "customer", id] as const,
  attributeDefinitions: () => [...inboxKeys.all, "customer-attributes"] as const,
  cannedReplies: () => [...inboxKeys.all, "canned-replies"] as const,
  /** under lists(): every conversation event fetches them again */
  notifications: () => [...inboxKeys.lists(), "notifications"] as const,
  conversation: (id: number) => [...inboxKeys.all, "conversation", id] as const,
  agents: () => [...inboxKeys.all, "agents"] as const,
  localOutbox: () => [...inboxKeys.all, "local-outbox"] as const,
  customers: (q: string) => [...inboxKeys.all, "customers", q] as const,
  failedInbound: () => [...inboxKeys.all, "failed-inbound"] as const,
};
