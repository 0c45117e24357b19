// Assign, change status and priority. Each change leaves an audit event.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { notify } from "../users/notifications";
import { refreshSla } from "../automation/sla-clock";
import { sendSurveyOnSolve } from "../csat/surveys";
import { publicUrl } from "../env";
import { count, countDuration, secondsBetween } from "../reports/counters";
import type { Db } from "../db/client";
import { badRequest, notFound } from "../errors";
import { ZPriority, ZStatus } from "../shared/vocabulary";
import { loadAutomation, ZTag } from "../automation/config";

export const ZConversationPatch = z
  .strictObject({
    status: ZStatus.optional(),
    priority: ZPriority.optional(),
    /** null unassigns */
    assigneeId: z.string().min(1).nullable().optional(),
    /** null removes the team */
    teamId: z.string().min(1).nullable().optional(),
    /** an admin-defined status (its id): sets `status` to its category; null clears it */
    customStatus: z.string().min(1).max(64).nullable().optional(),
    /** the whole set of tags (lower-cased) */
    tags: z.array(ZTag).max(20).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: "Nothing to change" });
export type TConversationPatch = z.infer<typeof ZConversationPatch>;

export async function updateConversation(
  db: Db,
  conversationId: number,
  actorUserId: string,
  input: TConversationPatch,
) {
  const patch = ZConversationPatch.parse(input);
  let customName: string | null = null;
  if (patch.customStatus) {
    const custom = (await loadAutomation(db)).statuses.find((x) => x.id === patch.customStatus);
    if (!custom) throw badRequest("invalid_status", "No such status");
    patch.status = custom.category;
    customName = custom.name;
  } else if (patch.status && patch.customStatus === undefined) {
    // A plain status replaces any custom one.
    patch.customStatus = null;
  }
  const current = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      status: true,
      customStatus: true,
      priority: true,
      assigneeId: true,
      teamId: true,
      channel: true,
      createdAt: true,
    },
  });
  if (!current) throw notFound("Conversation");
  if (patch.assigneeId) {
    const agent = await db.user.findUnique({
      where: { id: patch.assigneeId },
      select: { role: true, deactivatedAt: true },
    });
    if (!agent || agent.role === "customer")
      throw badRequest("invalid_assignee", "Conversations can be assigned to agents only");
    if (agent.deactivatedAt) throw badRequest("invalid_assignee", "This agent was deactivated");
  }
  if (patch.teamId) {
    const team = await db.team.findUnique({ where: { id: patch.teamId }, select: { id: true } });
    if (!team) throw badRequest("invalid_team", "No such team");
  }

  const changes: Array<{ action: string; from: unknown; to: unknown; custom?: string | null }> = [];
  const track = (action: string, from: unknown, to: unknown) => {
    if (to !== undefined && to !== from) changes.push({ action, from, to });
  };
  if (patch.customStatus !== undefined && patch.customStatus !== current.customStatus) {
    // The event names both the category and the admin's status, so the timeline reads as the agent chose.
    changes.push({ action: "conversation.status_changed", from: current.status, to: patch.status, custom: customName });
  } else track("conversation.status_changed", current.status, patch.status);
  track("conversation.priority_changed", current.priority, patch.priority);
  track("conversation.assigned", current.assigneeId, patch.assigneeId);
  track("conversation.team_changed", current.teamId, patch.teamId);
  const tags = patch.tags ? [...new Set(patch.tags)].sort() : undefined;
  const tagsBefore = (await db.conversationTag.findMany({ where: { conversationId }, orderBy: { tag: "asc" } })).map(
    (t) => t.tag,
  );
  if (tags && tags.join("\n") !== tagsBefore.join("\n")) {
    changes.push({ action: "conversation.tags_changed", from: tagsBefore, to: tags });
  }
  if (!changes.length) return;

  const solvedNow =
    patch.status && ["solved", "closed"].includes(patch.status) && !["solved", "closed"].includes(current.status);
  const reopenedNow = patch.status && ["new", "open", "pending"].includes(patch.status);
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (solvedNow) {
      // Credited to whoever has it once this change is made.
      const dims = {
        at: now,
        channel: current.channel,
        teamId: patch.teamId !== undefined ? patch.teamId : current.teamId,
        agentId: patch.assigneeId !== undefined ? patch.assigneeId : current.assigneeId,
      };
      await count(tx, dims, { resolved: 1 });
      await countDuration(tx, dims, "resolution", secondsBetween(current.createdAt, now));
    }
    if (tags) {
      await tx.conversationTag.deleteMany({ where: { conversationId, tag: { notIn: tags } } });
      for (const tag of tags) {
        await tx.conversationTag.upsert({
          where: { conversationId_tag: { conversationId, tag } },
          create: { conversationId, tag },
          update: {},
        });
      }
    }
    await tx.conversation.update({
      where: { id: conversationId },
      data: {
        status: patch.status,
        customStatus: patch.customStatus,
        priority: patch.priority,
        assigneeId: patch.assigneeId,
        teamId: patch.teamId,
        ...(solvedNow ? { resolvedAt: now } : reopenedNow ? { resolvedAt: null } : {}),
      },
    });
    for (const c of changes) {
      await recordEvent(tx, {
        action: c.action,
        actorUserId,
        conversationId,
        data: { from: c.from, to: c.to, ...(c.custom !== undefined ? { custom: c.custom } : {}) },
      });
    }
    if (patch.assigneeId && patch.assigneeId !== current.assigneeId)
      await notify(tx, { userId: patch.assigneeId, kind: "assigned", conversationId, actorUserId });
    // Status, priority and team decide which SLA targets apply and whether they still run.
    await refreshSla(tx, conversationId);
    if (solvedNow) await sendSurveyOnSolve(tx, conversationId, publicUrl(), now);
  });
}
