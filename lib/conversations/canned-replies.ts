// Canned replies: personal or shared text an agent inserts by typing its
// shortcut in the composer, with variables filled from the conversation.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { conflict, forbidden, notFound } from "../errors";
import { CANNED_VARIABLES, renderTemplate, unknownVariables, type CannedVariable } from "../shared/canned-variables";

const ZBody = z
  .string()
  .trim()
  .min(1, "Write the reply")
  .max(10_000, "Keep it under 10,000 characters")
  .superRefine((body, ctx) => {
    const unknown = unknownVariables(body);
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        message: `{{${unknown[0]}}} is not a variable; use one of ${CANNED_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`,
      });
  });

export const ZCannedReplyInput = z.strictObject({
  title: z.string().trim().min(1, "Give it a title").max(80),
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, "Use up to 30 letters, digits, - or _ (no spaces)"),
  body: ZBody,
  folder: z.string().trim().max(40).default(""),
  shared: z.boolean().default(false),
});
export const ZCannedReplyPatch = ZCannedReplyInput.partial().refine(
  (p) => Object.keys(p).length > 0,
  "Nothing to change",
);

const select = {
  id: true,
  title: true,
  shortcut: true,
  body: true,
  folder: true,
  shared: true,
  ownerId: true,
  owner: { select: { name: true } },
} as const;

/** The viewer's own and every shared one, by folder and title. */
export async function listCannedReplies(db: Db, viewerId: string) {
  const rows = await db.cannedReply.findMany({
    where: { OR: [{ ownerId: viewerId }, { shared: true }] },
    orderBy: [{ folder: "asc" }, { title: "asc" }],
    select,
  });
  return { items: rows.map(({ ownerId, ...r }) => ({ ...r, editable: ownerId === viewerId })) };
}

/** A shortcut names one reply among those the owner sees. */
async function checkShortcut(db: Db, ownerId: string, shortcut: string, exceptId?: string) {
  const clash = await db.cannedReply.findFirst({
    where: { shortcut, id: exceptId ? { not: exceptId } : undefined, OR: [{ ownerId }, { shared: true }] },
    select: { title: true },
  });
  if (clash) throw conflict("shortcut_taken", `/${shortcut} is already “${clash.title}”; pick another shortcut`);
}

export async function createCannedReply(db: Db, ownerId: string, input: z.input<typeof ZCannedReplyInput>) {
  const c = ZCannedReplyInput.parse(input);
  await checkShortcut(db, ownerId, c.shortcut);
  return db.$transaction(async (tx) => {
    const row = await tx.cannedReply.create({ data: { ...c, ownerId }, select: { id: true } });
    await recordEvent(tx, {
      action: "canned_reply.created",
      actorUserId: ownerId,
      data: { id: row.id, title: c.title },
    });
    return row;
  });
}

/** Its owner changes it; a shared one an admin too. */
async function editable(db: Db, id: string, actor: { id: string; role: string }) {
  const row = await db.cannedReply.findUnique({ where: { id } });
  if (!row || (!row.shared && row.ownerId !== actor.id)) throw notFound("Canned reply");
  if (row.ownerId !== actor.id && actor.role !== "admin") throw forbidden("Only its author or an admin may change it");
  return row;
}

export async function updateCannedReply(
  db: Db,
  id: string,
  actor: { id: string; role: string },
  input: z.input<typeof ZCannedReplyPatch>,
) {
  const row = await editable(db, id, actor);
  const p = ZCannedReplyPatch.parse(input);
  if (p.shortcut) await checkShortcut(db, row.ownerId, p.shortcut, id);
  await db.cannedReply.update({ where: { id }, data: p });
  return { id };
}

export async function deleteCannedReply(db: Db, id: string, actor: { id: string; role: string }) {
  const row = await editable(db, id, actor);
  await db.$transaction(async (tx) => {
    await tx.cannedReply.delete({ where: { id } });
    await recordEvent(tx, { action: "canned_reply.deleted", actorUserId: actor.id, data: { id, title: row.title } });
  });
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";

/** The reply's text for this conversation, written by this agent; `missing` names what had no value. */
export async function renderCannedReply(
  db: Db,
  id: string,
  conversationId: number,
  agent: { id: string; name: string },
) {
  const reply = await db.cannedReply.findFirst({
    where: { id, OR: [{ ownerId: agent.id }, { shared: true }] },
    select: { body: true },
  });
  if (!reply) throw notFound("Canned reply");
  const c = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      subject: true,
      customer: {
        select: {
          name: true,
          company: true,
          identities: {
            where: { kind: { in: ["email", "phone"] } },
            orderBy: { createdAt: "desc" },
            select: { kind: true, value: true },
          },
        },
      },
    },
  });
  if (!c) throw notFound("Conversation");
  // A name that is really an address or a number (nobody told us theirs) is no first name.
  const named = !/[@+]|^\d/.test(c.customer.name) && c.customer.name !== "Website visitor";
  const values: Partial<Record<CannedVariable, string>> = {
    "customer.name": named ? c.customer.name : undefined,
    "customer.first_name": named ? firstName(c.customer.name) : undefined,
    "customer.email": c.customer.identities.find((i) => i.kind === "email")?.value,
    "customer.phone": c.customer.identities.find((i) => i.kind === "phone")?.value,
    "customer.company": c.customer.company ?? undefined,
    "agent.name": agent.name,
    "agent.first_name": firstName(agent.name),
    "conversation.id": String(c.id),
    "conversation.subject": c.subject,
  };
  return renderTemplate(reply.body, values);
}
