// What a row of the inbox (or of search results) shows of a conversation.
export const listSelect = {
  id: true,
  subject: true,
  status: true,
  priority: true,
  channel: true,
  lastMessageAt: true,
  createdAt: true,
  slaDueAt: true,
  customStatus: true,
  customer: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
  messages: {
    where: { direction: { not: "note" } },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { body: true, direction: true, channel: true },
  },
} as const;

export function toListItem<R extends { messages: Array<{ body: string }>; tags: Array<{ tag: string }> }>(row: R) {
  const { messages, tags, ...rest } = row;
  const last = messages[0];
  return { ...rest, tags: tags.map((t) => t.tag), preview: last ? last.body.slice(0, 160) : "" };
}
