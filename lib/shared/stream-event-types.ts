// The conversation events the realtime feed carries — shared by the server
// (which appends them) and the browser (which listens for them), so plain
// constants without server imports.
export const STREAM_EVENT_TYPES = [
  "conversation.created",
  "conversation.reopened",
  "conversation.assigned",
  "conversation.status_changed",
  "conversation.priority_changed",
  "conversation.team_changed",
  "conversation.routed",
  "sla.breached",
  "csat.answered",
  "conversation.tags_changed",
  "conversation.merged",
  "conversation.merged_into",
  "customer.merged",
  "customer.merge_undone",
  "message.received",
  "message.sent",
  "message.delivery_status",
  "message.delivery_failed",
  "message.seen",
  "note.added",
  "call.ended",
] as const;
