export interface InboxFilters {
  status?: string;
  assignee?: string;
  channel?: string;
  /** "due": soonest SLA due time first */
  sort?: string;
  /** an admin-defined status id */
  customStatus?: string;
}

export const inboxKeys = {
  all: ["inbox"] as const,
  lists: () => [...inboxKeys.all, "list"] as const,
  list: (f: InboxFilters) => [...inboxKeys.lists(), f] as const,
  conversation: (id: number) => [...inboxKeys.all, "conversation", id] as const,
  agents: () => [...inboxKeys.all, "agents"] as const,
  localOutbox: () => [...inboxKeys.all, "local-outbox"] as const,
  customers: (q: string) => [...inboxKeys.all, "customers", q] as const,
  failedInbound: () => [...inboxKeys.all, "failed-inbound"] as const,
};
