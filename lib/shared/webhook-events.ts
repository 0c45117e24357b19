// The events partner systems can subscribe to: the audit log's domain events
// (never security events). Events are thin — ids and what changed; partners
// read details through the API with a token.
export const WEBHOOK_EVENTS = [
  "conversation.created",
  "conversation.reopened",
  "conversation.assigned",
  "conversation.status_changed",
  "conversation.priority_changed",
  "conversation.team_changed",
  "message.received",
  "message.sent",
  "message.delivery_failed",
  "call.ended",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const isWebhookEvent = (action: string): action is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(action);
