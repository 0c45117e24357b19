// Merging two customers an agent knows are one person: the source's addresses,
// numbers, conversations, surveys and portal account move to the target. Only
// ever by an agent's explicit action, never by a guess — and undoable for a
// week: what moved is recorded and moves back.
import { z } from "zod";
import { recordEvents, type EventInput } from "../audit/record-event";
import type { Db, Tx } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";

export const UNDO_WINDOW_MS = 7 * 24 * 60 * 60_000;
export const ZCustomerMerge = z.strictObject({ intoCustomerId: z.string().min(1).max(64) });

const ZMoved = z.object({
  identityIds: z.array(z.string()),
  conversationIds: z.array(z.number()),
  surveyIds: z.array(z.string()),
  userId: z.string().nullable(),
});

async function activeCustomer(tx: Tx, id: string, role: string) {
  const c = await tx.customer.findUnique({ where: { id }, include: { user: { select: { id: true } } } });
  if (!c) throw notFound(role);
  if (c.mergedIntoId) throw conflict("customer_merged", `${c.name} was merged into another customer already`);
  return c;
}

/** Merges `sourceId` into `targetId`; returns the merge's id (for undo). */
export async function mergeCustomers(db: Db, sourceId: string, targetId: string, actorUserId: string) {
  if (sourceId === targetId) throw badRequest("same_customer", "Pick two different customers");
  return db.$transaction(async (tx) => {
    const source = await activeCustomer(tx, sourceId, "Customer");
    const target = await activeCustomer(tx, targetId, "Customer to merge into");
    if (source.user && target.user) {
      throw conflict("both_have_accounts", "Both customers have portal accounts; one account has to go first");
    }
    const [identities, conversations, surveys] = await Promise.all([
      tx.identity.findMany({ where: { customerId: sourceId }, select: { id: true } }),
      tx.conversation.findMany({ where: { customerId: sourceId }, select: { id: true } }),
      tx.csatSurvey.findMany({ where: { customerId: sourceId }, select: { id: true } }),
    ]);
    const moved: z.infer<typeof ZMoved> = {
      identityIds: identities.map((i) => i.id),
      conversationIds: conversations.map((c) => c.id),
      surveyIds: surveys.map((s) => s.id),
      userId: source.user?.id ?? null,
    };
    await move(tx, moved, targetId);
    await tx.customer.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    const merge = await tx.customerMerge.create({
      data: { sourceId, targetId, actorUserId, moved: JSON.stringify(moved) },
    });
    const data = { mergeId: merge.id, from: source.name, into: target.name };
    await recordEvents(tx, [
      { action: "customer.merged", actorUserId, data: { ...data, sourceId, targetId } },
      ...moved.conversationIds.map((conversationId): EventInput => ({
        action: "customer.merged",
        actorUserId,
        conversationId,
        data,
      })),
    ]);
    return {
      mergeId: merge.id,
      moved: { identities: moved.identityIds.length, conversations: moved.conversationIds.length },
    };
  });
}

async function move(tx: Tx, m: z.infer<typeof ZMoved>, customerId: string) {
  await tx.identity.updateMany({ where: { id: { in: m.identityIds } }, data: { customerId } });
  await tx.conversation.updateMany({ where: { id: { in: m.conversationIds } }, data: { customerId } });
  await tx.csatSurvey.updateMany({ where: { id: { in: m.surveyIds } }, data: { customerId } });
  if (m.userId) await tx.user.update({ where: { id: m.userId }, data: { customerId } });
}

/** Puts back what the merge moved (what arrived since stays with the target). */
export async function undoCustomerMerge(db: Db, mergeId: string, actorUserId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const merge = await tx.customerMerge.findUnique({ where: { id: mergeId } });
    if (!merge) throw notFound("Merge");
    if (merge.undoneAt) throw conflict("merge_undone", "This merge was undone already");
    if (now.getTime() - merge.createdAt.getTime() > UNDO_WINDOW_MS) {
      throw conflict("undo_window_passed", "Merges can be undone for 7 days; this one is older");
    }
    const moved = ZMoved.parse(JSON.parse(merge.moved));
    // A conversation merge across the two records since can't be taken apart (its messages are one timeline
    // now), and undoing around it would leave one customer's messages in the other's history: refuse.
    const crossed = await tx.conversation.findFirst({
      where: {
        OR: [
          { id: { in: moved.conversationIds }, mergedIntoId: { not: null, notIn: moved.conversationIds } },
          { id: { notIn: moved.conversationIds }, mergedIntoId: { in: moved.conversationIds } },
        ],
      },
      select: { id: true, mergedIntoId: true },
    });
    if (crossed) {
      throw conflict(
        "conversations_merged_since",
        `Conversation #${crossed.id} was merged into #${crossed.mergedIntoId} since, across the two customers; ` +
          "that can't be taken apart, so this merge can no longer be undone",
      );
    }
    const target = await tx.customer.findUniqueOrThrow({ where: { id: merge.targetId }, include: { user: true } });
    // Only what still sits with the target goes back (the target may have been merged on since).
    await move(
      tx,
      { ...moved, userId: moved.userId && target.user?.id === moved.userId ? moved.userId : null },
      merge.sourceId,
    );
    await tx.customer.update({ where: { id: merge.sourceId }, data: { mergedIntoId: null } });
    await tx.customerMerge.update({ where: { id: mergeId }, data: { undoneAt: now } });
    await recordEvents(tx, [
      {
        action: "customer.merge_undone",
        actorUserId,
        data: { mergeId, sourceId: merge.sourceId, targetId: merge.targetId },
      },
      ...moved.conversationIds.map((conversationId): EventInput => ({
        action: "customer.merge_undone",
        actorUserId,
        conversationId,
        data: { mergeId },
      })),
    ]);
  });
}
