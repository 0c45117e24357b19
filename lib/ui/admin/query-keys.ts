export const adminKeys = {
  all: ["admin"] as const,
  ivr: () => [...adminKeys.all, "ivr"] as const,
  mailboxes: () => [...adminKeys.all, "mailboxes"] as const,
  audit: () => [...adminKeys.all, "audit"] as const,
  auditPage: (filters: object) => [...adminKeys.audit(), filters] as const,
  webhooks: () => [...adminKeys.all, "webhooks"] as const,
  deliveries: (subscriptionId: string) => [...adminKeys.webhooks(), subscriptionId, "deliveries"] as const,
  chatSites: () => [...adminKeys.all, "chat-sites"] as const,
  automation: () => [...adminKeys.all, "automation"] as const,
  team: () => [...adminKeys.all, "team"] as const,
};
