// An agent writes first: a new conversation with a customer by email or SMS.
// The message goes out through the same reply path (outbox, delivery), so the
// customer's answer threads back into it like any reply's (the email's
// Message-ID; the customer's open conversation for SMS).
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { conflict, notFound } from "../errors";
import { requireSmsRecipient } from "../customers/sms-consent";
import { subjectFromBody } from "./ingest";
import { reply, ZReply } from "./reply";

export const ZStartConversation = z
  .strictObject({
    customerId: z.string().min(1).max(64),
    channel: z.enum(["email", "sms"]),
    subject: z.string().trim().max(200).optional(),
    body: ZReply.shape.body,
  })
  .refine((s) => s.channel !== "email" || !!s.subject, { message: "Add a subject", path: ["subject"] });

export async function startConversation(db: Db, agentId: string, input: z.input<typeof ZStartConversation>) {
  const s = ZStartConversation.parse(input);
  const customer = await db.customer.findUnique({
    where: { id: s.customerId },
    select: { id: true, mergedIntoId: true, identities: { where: { kind: "email" }, select: { id: true } } },
  });
  if (!customer) throw notFound("Customer");
  if (customer.mergedIntoId)
    throw conflict("customer_merged", "This customer was merged into another; write to that one");
  // Checked before anything is written, so a refusal leaves no empty conversation behind.
  if (s.channel === "email" && !customer.identities.length)
    throw conflict("email_unreachable", "This customer has no email address. Add one, or write by SMS.");
  if (s.channel === "sms") await requireSmsRecipient(db, customer.id, "Write by email.");
  const now = new Date();
  const conversation = await db.$transaction(async (tx) => {
    const c = await tx.conversation.create({
      data: {
        customerId: customer.id,
        channel: s.channel,
        subject: s.subject || subjectFromBody(s.body, s.channel),
        // Waiting for the customer: their answer reopens it. Nobody waited for a first response.
        status: "pending",
        assigneeId: agentId,
        firstResponseAt: now,
        lastMessageAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      action: "conversation.created",
      actorUserId: agentId,
      conversationId: c.id,
      data: { channel: s.channel, startedBy: "agent" },
    });
    return c;
  });
  const sent = await reply(db, conversation.id, agentId, { body: s.body, channel: s.channel });
  return { id: conversation.id, messageId: sent.messageId };
}
