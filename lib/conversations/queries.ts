// What agents and customers read. Customers' reads are scoped by customerId in
// the query itself, so no route can show them someone else's conversation.
import { z } from "zod";
import type { Db } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { loadAutomation } from "../automation/config";
import { sanitizeEmailHtml } from "./sanitize-html";
import { badRequest, notFound } from "../errors";
import { CHANNELS, STATUSES } from "../shared/vocabulary";

/** A comma-separated list of values from a fixed set, e.g. `status=new,open`. */
const csv = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

export const ZInboxQuery = z.strictObject({
  status: csv(STATUSES).optional(),
  /** "me", "unassigned" or a user id */
  assignee: z.string().min(1).max(64).optional(),
  team: z.string().min(1).max(64).optional(),
  channel: csv(CHANNELS).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
  /** an admin-defined status id */
  customStatus: z.string().min(1).max(64).optional(),
  /** "due": the SLA clock running out first, conversations without one left out */
  sort: z.enum(["recent", "due"]).default("recent"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TInboxQuery = z.output<typeof ZInboxQuery>;

const listSelect = {
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
export async function listInbox(db: Db, viewerUserId: string, q: TInboxQuery) {
  const after = q.cursor ? decodeConversationCursor(q.cursor) : undefined;
  const byDue = q.sort === "due";
  const keyset = !after
    ? {}
    : byDue
      ? { OR: [{ slaDueAt: { gt: after.at } }, { slaDueAt: after.at, id: { gt: after.id } }] }
      : { OR: [{ lastMessageAt: { lt: after.at } }, { lastMessageAt: after.at, id: { lt: after.id } }] };
  const [rows, sla] = await Promise.all([
    db.conversation.findMany({
      where: {
        ...(q.status ? { status: { in: q.status } } : {}),
        ...(q.channel ? { channel: { in: q.channel } } : {}),
        ...(q.team ? { teamId: q.team } : {}),
        ...(q.tag ? { tags: { some: { tag: q.tag } } } : {}),
        ...(q.customStatus ? { customStatus: q.customStatus } : {}),
        ...(q.assignee === "me"
          ? { assigneeId: viewerUserId }
          : q.assignee === "unassigned"
            ? { assigneeId: null }
            : q.assignee
              ? { assigneeId: q.assignee }
              : {}),
        ...(byDue ? { slaDueAt: { not: null } } : {}),
        ...keyset,
      },
      orderBy: byDue ? [{ slaDueAt: "asc" }, { id: "asc" }] : [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
      select: listSelect,
    }),
    loadAutomation(db).then((a) => a.sla),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toListItem),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor(byDue ? last.slaDueAt! : last.lastMessageAt, last.id) : null,
    /** how long before a due time the inbox warns */
    slaWarnMinutes: sla.warnMinutes,
  };
}

function toListItem<R extends { messages: Array<{ body: string }>; tags: Array<{ tag: string }> }>(row: R) {
  const { messages, tags, ...rest } = row;
  const last = messages[0];
  return { ...rest, tags: tags.map((t) => t.tag), preview: last ? last.body.slice(0, 160) : "" };
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
      where: { role: { in: ["agent", "admin"] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    loadAutomation(db),
  ]);
  return { agents, teams, statuses };
}
