// One definition of "which conversations does this view show": the inbox list,
// search, view counts and saved views all read their filters through here.
import { z } from "zod";
import type { Prisma } from "../db/client";
import { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES } from "../shared/vocabulary";

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

const day = z.iso.date({ message: "Use a date like 2026-01-31" });

export const SLA_STATES = ["at_risk", "breached"] as const;

/** The filters of a view: everything the inbox can narrow by. */
export const ZViewFilters = z.strictObject({
  status: csv(STATUSES).optional(),
  /** "me", "unassigned" or a user id */
  assignee: z.string().min(1).max(64).optional(),
  team: z.string().min(1).max(64).optional(),
  channel: csv(CHANNELS).optional(),
  priority: csv(PRIORITIES).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
  /** an admin-defined status id */
  customStatus: z.string().min(1).max(64).optional(),
  /** at_risk: an SLA due time within the warning window or past; breached: past */
  sla: z.enum(SLA_STATES).optional(),
  /** created on or after this day (UTC) */
  from: day.optional(),
  /** created on or before this day (UTC) */
  to: day.optional(),
  /** "me": conversations whose internal notes mention the viewer (@Their Name) */
  mentions: z.literal("me").optional(),
  /** words, an email address or part of a phone number: see lib/conversations/search.ts */
  q: z.string().trim().min(1).max(200).optional(),
});
export type TViewFilters = z.output<typeof ZViewFilters>;

export interface FilterContext {
  viewerUserId: string;
  /** for @mentions */
  viewerName?: string;
  now: Date;
  /** how long before a due time counts as at risk */
  slaWarnMinutes: number;
}

/** The Prisma condition for a view's filters (all but the search text, which search.ts ranks). */
export function conversationWhere(f: TViewFilters, ctx: FilterContext): Prisma.ConversationWhereInput {
  const and: Prisma.ConversationWhereInput[] = [];
  if (f.status) and.push({ status: { in: f.status } });
  if (f.channel) and.push({ channel: { in: f.channel } });
  if (f.priority) and.push({ priority: { in: f.priority } });
  if (f.team) and.push({ teamId: f.team });
  if (f.tag) and.push({ tags: { some: { tag: f.tag } } });
  if (f.customStatus) and.push({ customStatus: f.customStatus });
  if (f.assignee)
    and.push({
      assigneeId: f.assignee === "me" ? ctx.viewerUserId : f.assignee === "unassigned" ? null : f.assignee,
    });
  if (f.sla) {
    const limit = f.sla === "breached" ? ctx.now : new Date(ctx.now.getTime() + ctx.slaWarnMinutes * 60_000);
    and.push({ status: { in: OPEN_STATUSES }, slaDueAt: { not: null, lte: limit } });
  }
  if (f.mentions)
    and.push({
      messages: { some: { direction: "note", body: { contains: `@${ctx.viewerName ?? "\u0000"}` } } },
    });
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ createdAt: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  return { AND: and };
}
