// The inbox's views: the built-in ones every agent has (Unassigned, Mine,
// Mentions, SLA at risk, All open, one per team) and saved ones (personal, or
// shared with every agent), each with its count of conversations.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { loadAutomation } from "../automation/config";
import type { Db } from "../db/client";
import { forbidden, notFound } from "../errors";
import { OPEN_STATUSES } from "../shared/vocabulary";
import { conversationWhere, ZViewFilters, type FilterContext } from "./inbox-filter";
import { searchConversations } from "./search";

/** A view's filters as the inbox's URL carries them (strings), checked against ZViewFilters. */
export const ZStoredFilters = z
  .record(z.string(), z.string().max(200))
  .refine((f) => Object.keys(f).length <= 16, "Too many filters")
  .superRefine((f, ctx) => {
    const parsed = ZViewFilters.safeParse(f);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });
export type TStoredFilters = Record<string, string>;

export const ZSavedViewInput = z.strictObject({
  name: z.string().trim().min(1, "Give the view a name").max(60, "Keep the name under 60 characters"),
  shared: z.boolean().default(false),
  filters: ZStoredFilters,
});
export const ZSavedViewPatch = ZSavedViewInput.partial().refine((p) => Object.keys(p).length > 0, "Nothing to change");

export interface InboxView {
  id: string;
  name: string;
  kind: "built-in" | "team" | "saved";
  filters: TStoredFilters;
  count: number;
  shared?: boolean;
  /** for saved views: may the viewer edit or delete it */
  editable?: boolean;
}

const OPEN = OPEN_STATUSES.join(",");

function builtInViews(teams: Array<{ id: string; name: string }>): Array<Omit<InboxView, "count">> {
  return [
    { id: "unassigned", name: "Unassigned", kind: "built-in", filters: { status: OPEN, assignee: "unassigned" } },
    { id: "mine", name: "Mine", kind: "built-in", filters: { status: OPEN, assignee: "me" } },
    { id: "mentions", name: "Mentions", kind: "built-in", filters: { status: OPEN, mentions: "me" } },
    { id: "sla", name: "SLA at risk", kind: "built-in", filters: { sla: "at_risk" } },
    { id: "open", name: "All open", kind: "built-in", filters: { status: OPEN } },
    ...teams.map((t) => ({
      id: `team:${t.id}`,
      name: t.name,
      kind: "team" as const,
      filters: { status: OPEN, team: t.id },
    })),
  ];
}

async function countView(db: Db, filters: TStoredFilters, ctx: FilterContext): Promise<number> {
  const parsed = ZViewFilters.safeParse(filters);
  // A saved view whose filters no longer parse (a removed channel, say) counts nothing rather than failing the sidebar.
  if (!parsed.success) return 0;
  const f = parsed.data;
  if (f.q) return (await searchConversations(db, { filters: { ...f, q: f.q }, context: ctx, limit: 1 })).total;
  return db.conversation.count({ where: conversationWhere(f, ctx) });
}

export async function listViews(db: Db, viewer: { id: string; name: string }, now = new Date()) {
  const [teams, saved, { sla }] = await Promise.all([
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.savedView.findMany({
      where: { OR: [{ ownerId: viewer.id }, { shared: true }] },
      orderBy: [{ shared: "asc" }, { name: "asc" }],
      select: { id: true, name: true, shared: true, filters: true, ownerId: true },
    }),
    loadAutomation(db),
  ]);
  const ctx: FilterContext = { viewerUserId: viewer.id, viewerName: viewer.name, now, slaWarnMinutes: sla.warnMinutes };
  const views: Array<Omit<InboxView, "count">> = [
    ...builtInViews(teams),
    ...saved.map((v) => ({
      id: v.id,
      name: v.name,
      kind: "saved" as const,
      shared: v.shared,
      editable: v.ownerId === viewer.id,
      filters: JSON.parse(v.filters) as TStoredFilters,
    })),
  ];
  const counts = await Promise.all(views.map((v) => countView(db, v.filters, ctx)));
  return { views: views.map((v, i) => ({ ...v, count: counts[i]! })) };
}

export async function createSavedView(db: Db, ownerId: string, input: z.input<typeof ZSavedViewInput>) {
  const v = ZSavedViewInput.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.savedView.create({
      data: { ownerId, name: v.name, shared: v.shared, filters: JSON.stringify(v.filters) },
      select: { id: true },
    });
    await recordEvent(tx, { action: "view.created", actorUserId: ownerId, data: { viewId: row.id, name: v.name } });
    return row;
  });
}

/** A view is changed or deleted by its owner; a shared one by an admin too. */
async function ownView(db: Db, id: string, actor: { id: string; role: string }) {
  const view = await db.savedView.findUnique({ where: { id } });
  if (!view || (!view.shared && view.ownerId !== actor.id)) throw notFound("View");
  if (view.ownerId !== actor.id && actor.role !== "admin")
    throw forbidden("Only its owner or an admin may change this view");
  return view;
}

export async function updateSavedView(
  db: Db,
  id: string,
  actor: { id: string; role: string },
  input: z.input<typeof ZSavedViewPatch>,
) {
  await ownView(db, id, actor);
  const p = ZSavedViewPatch.parse(input);
  await db.savedView.update({
    where: { id },
    data: { name: p.name, shared: p.shared, filters: p.filters ? JSON.stringify(p.filters) : undefined },
  });
  return { id };
}

export async function deleteSavedView(db: Db, id: string, actor: { id: string; role: string }) {
  const view = await ownView(db, id, actor);
  await db.$transaction(async (tx) => {
    await tx.savedView.delete({ where: { id } });
    await recordEvent(tx, { action: "view.deleted", actorUserId: actor.id, data: { viewId: id, name: view.name } });
  });
}
