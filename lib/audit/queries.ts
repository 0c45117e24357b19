// The audit log as admins browse it: newest first, filtered, keyset-paginated.
import { z } from "zod";
import type { Db } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/cursor";

export const ZAuditQuery = z.strictObject({
  /** an exact action ("auth.sign_in_failed") or a family ending in ".*" ("token.*") */
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+|\.\*)?$/, "An action like auth.sign_in_failed, or a family like token.*")
    .optional(),
  /** the acting user's id */
  actor: z.string().min(1).max(64).optional(),
  /** words in the event's details (an email address, an IP, a token name) */
  q: z.string().trim().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.output<typeof ZAuditQuery>;

export async function listAuditEvents(db: Db, q: TAuditQuery) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [
        q.action?.endsWith(".*")
          ? { action: { startsWith: q.action.slice(0, -1) } }
          : q.action
            ? { action: q.action }
            : {},
        q.actor ? { actorUserId: q.actor } : {},
        q.q ? { data: { contains: q.q } } : {},
        q.since ? { createdAt: { gte: new Date(q.since) } } : {},
        q.until ? { createdAt: { lt: new Date(q.until) } } : {},
        after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: {
      id: true,
      action: true,
      conversationId: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
export type AuditPage = Awaited<ReturnType<typeof listAuditEvents>>;
