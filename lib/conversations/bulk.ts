// One change applied to many conversations (the inbox's selection): each
// conversation in its own transaction with its audit events, so one that
// can't change (closed, merged, gone) doesn't hold back the others, and the
// answer says which failed and why.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { ZTag } from "../automation/config";
import { ZPriority, ZStatus } from "../shared/vocabulary";
import { mergeConversations } from "./merge";
import { updateConversation, type TConversationPatch } from "./update-conversation";

export const ZBulkAction = z
  .strictObject({
    ids: z
      .array(z.number().int().positive())
      .min(1, "Select at least one conversation")
      .max(100, "Select at most 100 conversations at a time"),
    assigneeId: z.string().min(1).nullable().optional(),
    teamId: z.string().min(1).nullable().optional(),
    status: ZStatus.optional(),
    customStatus: z.string().min(1).max(64).optional(),
    priority: ZPriority.optional(),
    addTags: z.array(ZTag).max(20).optional(),
    removeTags: z.array(ZTag).max(20).optional(),
    /** merge every selected conversation into this one (all must be the same customer's) */
    mergeInto: z.number().int().positive().optional(),
  })
  .refine((b) => Object.entries(b).some(([k, v]) => k !== "ids" && v !== undefined), {
    message: "Choose what to change",
  })
  .refine((b) => b.mergeInto === undefined || Object.keys(b).length === 2, {
    message: "Merging can't be combined with other changes",
  });
export type TBulkAction = z.input<typeof ZBulkAction>;

export interface BulkOutcome {
  id: number;
  ok: boolean;
  error?: { code: string; message: string };
}

export async function applyBulk(db: Db, actorUserId: string, input: TBulkAction) {
  const b = ZBulkAction.parse(input);
  const results: BulkOutcome[] = [];
  for (const id of [...new Set(b.ids)]) {
    try {
      if (b.mergeInto !== undefined) {
        if (id !== b.mergeInto) await mergeConversations(db, id, b.mergeInto, actorUserId);
      } else {
        await updateConversation(db, id, actorUserId, await patchFor(db, id, b));
      }
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

async function patchFor(db: Db, id: number, b: z.output<typeof ZBulkAction>): Promise<TConversationPatch> {
  const patch: TConversationPatch = {
    assigneeId: b.assigneeId,
    teamId: b.teamId,
    status: b.status,
    customStatus: b.customStatus,
    priority: b.priority,
  };
  if (b.addTags || b.removeTags) {
    const current = await db.conversationTag.findMany({ where: { conversationId: id }, select: { tag: true } });
    const tags = new Set(current.map((t) => t.tag));
    for (const t of b.addTags ?? []) tags.add(t);
    for (const t of b.removeTags ?? []) tags.delete(t);
    patch.tags = [...tags];
  }
  return patch;
}
