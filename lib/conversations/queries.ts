// What agents and customers read. Customers' reads are scoped by customerId in
// the query itself, so no route can show them someone else's conversation.
import { z } from "zod";
import type { Db } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { loadAutomation } from "../automation/config";
import { sanitizeEmailHtml } from "./sanitize-html";
import { badRequest, notFound } from "../errors";
import { searchConversations } from "./search";
import { listSelect, toListItem } from "./list-item";
import { conversationWhere, ZViewFilters } from "./inbox-filter";

export const ZInboxQuery = ZViewFilters.extend({
  /** "due": the SLA clock running out first, conversations without one left out; ignored with `q` (best match first) */
  sort: z.enum(["recent", "due"]).default("recent"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TInboxQuery = z.output<typeof ZInboxQuery>;

/** A conversation cursor: the shared keyset cursor with a numeric id. */
function decodeConversationCursor(cursor: string): { at: Date; id: number } {
  const { at, id } = decodeCursor(cursor);
  if (!/^\d+$/.test(id)) throw badRequest("invalid_cursor", "The cursor is not one this API gave out");
  return { at, id: Number(id) };
}

/**
 * Newest activity first, or soonest SLA due time first; the cursor is the sort
 * key plus the id, so pages never skip or repeat.
 */
export async function listInbox(db: Db, viewer: { id: string; name: string }, q: TInboxQuery, now = new Date()) {
  const { sla } = await loadAutomation(db);
  const context = { viewerUserId: viewer.id, viewerName: viewer.name, now, slaWarnMinutes: sla.warnMinutes };
  if (q.q) {
    const found = await searchConversations(db, {
      filters: { ...q, q: q.q },
      context,
      cursor: q.cursor,
      limit: q.limit,
    });
    return { ...found, slaWarnMinutes: sla.warnMinutes };
  }
  const after = q.cursor ? decodeConversationCursor(q.cursor) : undefined;
  const byDue = q.sort === "due";
  const keyset = !after
    ? {}
    : byDue
      ? { OR: [{ slaDueAt: { gt: after.at } }, { slaDueAt: after.at, id: { gt: after.id } }] }
      : { OR: [{ lastMessageAt: { lt: after.at } }, { lastMessageAt: after.at, id: { lt: after.id } }] };
  const where = conversationWhere(q, context);
  const [rows, total] = await Promise.all([
    db.conversation.findMany({
      where: { AND: [where, byDue ? { slaDueAt: { not: null } } : {}, keyset] },
      orderBy: byDue ? [{ slaDueAt: "asc" }, { id: "asc" }] : [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
      select: listSelect,
    }),
    // The first page says how many there are; later pages don't count again.
    after ? null : db.conversation.count({ where: { AND: [where, byDue ? { slaDueAt: { not: null } } : {}] } }),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...toListItem(r), match: null })),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor(byDue ? last.slaDueAt! : last.lastMessageAt, last.id) : null,
    total,
    capped: false,
    /** how long before a due time the inbox warns */
    slaWarnMinutes: sla.warnMinutes,
  };
}

export type InboxItem = Awaited<ReturnType<typeof listInbox>>["items"][number];

const messageSelect = {
  id: true,
  direction: true,
  channel: true,
  body: true,
  bodyHtml: true,
  automated: true,
  rawStorageKey: true,
  deliveryStatus: true,
  deliveryError: true,
  seenAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  attachments: { select: { id: true, filename: true, contentType: true, size: true, storageKey: true } },
} as const;

export async function getConversationForAgent(db: Db, id: number) {
  const c = await db.conversation.findUnique({
    where: { id },
    select: {
      id: true,
      subject: true,
      status: true,
      priority: true,
      channel: true,
      createdAt: true,
      lastMessageAt: true,
      firstResponseAt: true,
      resolvedAt: true,
      firstResponseDueAt: true,
      nextResponseDueAt: true,
      resolutionDueAt: true,
      slaDueAt: true,
      mergedIntoId: true,
      customStatus: true,
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
      breaches: { select: { target: true, dueAt: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      assignee: { select: { id: true, name: true } },
      team: { select: { id: true, name: true } },
      customer: {
        select: { id: true, name: true, identities: { select: { kind: true, value: true, optedOutAt: true } } },
      },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: messageSelect },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, action: true, data: true, createdAt: true, actor: { select: { id: true, name: true } } },
      },
    },
  });
  if (!c) throw notFound("Conversation");
  return {
    ...c,
    tags: c.tags.map((t) => t.tag),
    // Stored HTML was sanitised on the way in; it is sanitised again on the way out, so a rule added
    // since (or a row written by an older version) still applies.
    messages: c.messages.map(({ rawStorageKey, ...m }) => ({
      ...m,
      bodyHtml: m.bodyHtml ? sanitizeEmailHtml(m.bodyHtml) : null,
      hasOriginal: !!rawStorageKey,
    })),
    events: c.events.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })),
  };
}
export type AgentConversation = Awaited<ReturnType<typeof getConversationForAgent>>;

export async function listCustomerConversations(db: Db, customerId: string) {
  return db.conversation.findMany({
    where: { customerId },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, subject: true, status: true, channel: true, lastMessageAt: true, createdAt: true },
  });
}

/** A customer's search of their own conversations: nothing of anyone else's, no internal notes. */
export async function searchOwnConversations(db: Db, customerId: string, q: string) {
  const found = await searchConversations(db, {
    filters: { q },
    context: { viewerUserId: "", now: new Date(), slaWarnMinutes: 0 },
    scope: { customerId },
    limit: 100,
  });
  return {
    items: found.items.map((c) => ({
      id: c.id,
      subject: c.subject,
      status: c.status,
      channel: c.channel,
      lastMessageAt: c.lastMessageAt,
      createdAt: c.createdAt,
      match: c.match,
    })),
  };
}

export async function getConversationForCustomer(db: Db, customerId: string, id: number) {
  const c = await db.conversation.findFirst({
    where: { id, customerId },
    select: {
      id: true,
      subject: true,
      status: true,
      channel: true,
      createdAt: true,
      lastMessageAt: true,
      // Internal notes never leave the agent side.
      messages: {
        where: { direction: { in: ["inbound", "outbound"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          ...messageSelect,
          deliveryError: false,
          rawStorageKey: false,
          bodyHtml: false,
          author: { select: { name: true } },
        },
      },
    },
  });
  if (!c) throw notFound("Conversation");
  return c;
}
export type CustomerConversation = Awaited<ReturnType<typeof getConversationForCustomer>>;

export async function listAgentsAndTeams(db: Db) {
  const [agents, teams, { statuses }] = await Promise.all([
    db.user.findMany({
      // Deactivated agents keep their history but take no new work.
      where: { role: { in: ["agent", "admin"] }, deactivatedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    loadAutomation(db),
  ]);
  return { agents, teams, statuses };
}
