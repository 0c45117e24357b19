// Customer satisfaction: when a conversation is solved, one survey goes out on
// the channel the customer last wrote from — a link by email, SMS or portal,
// rating buttons inline in the chat widget. The answer lands on the
// conversation (timeline, live) and in the report counters.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordEvents } from "../audit/record-event";
import { sendAutomatedReply } from "../automation/automated-reply";
import { loadAutomation } from "../automation/config";
import { smsRecipient } from "../customers/sms-consent";
import type { Db, Tx } from "../db/client";
import type { TChannel } from "../shared/vocabulary";
import { notFound } from "../errors";
import { count } from "../reports/counters";

const SURVEYED: readonly TChannel[] = ["email", "sms", "chat", "portal"];
/** Answers can be changed for this long after the survey went out. */
const ANSWER_WINDOW_MS = 30 * 24 * 60 * 60_000;

export const ZCsatAnswer = z.strictObject({
  rating: z.number().int().min(1, "Pick 1 to 5").max(5, "Pick 1 to 5"),
  comment: z.string().trim().max(2_000).optional(),
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The survey link's path; the chat widget recognises it and shows rating buttons instead. */
export const surveyPath = (token: string) => `/csat/${token}`;

/**
 * Sends the survey for a conversation solved just now, inside that change's
 * transaction. Nothing when surveys are off, the conversation had one, the
 * customer was asked recently, or their channel can't carry it.
 */
export async function sendSurveyOnSolve(tx: Tx, conversationId: number, baseUrl: string, now: Date) {
  const { csat } = await loadAutomation(tx);
  if (!csat.enabled) return;
  const c = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { customerId: true, survey: { select: { id: true } } },
  });
  if (c.survey) return;
  const recent = await tx.csatSurvey.findFirst({
    where: { customerId: c.customerId, createdAt: { gt: new Date(now.getTime() - csat.throttleDays * 86_400_000) } },
    select: { id: true },
  });
  if (recent && csat.throttleDays > 0) return;
  const last = await tx.message.findFirst({
    where: { conversationId, direction: "inbound", automated: false },
    orderBy: { createdAt: "desc" },
    select: { channel: true },
  });
  let channel = last?.channel as TChannel | undefined;
  // A caller is asked by SMS when we have a number they haven't opted out of.
  if (channel === "voice") channel = (await smsRecipient(tx, c.customerId)).phone ? "sms" : undefined;
  if (!channel || !SURVEYED.includes(channel)) return;
  if (channel === "sms" && !(await smsRecipient(tx, c.customerId)).phone) return;

  const token = randomBytes(24).toString("base64url");
  await tx.csatSurvey.create({
    data: { conversationId, customerId: c.customerId, channel, tokenHash: hashToken(token) },
  });
  const question = csat.question.replaceAll("{{reference}}", `#${conversationId}`);
  await sendAutomatedReply(tx, conversationId, channel, `${question} ${baseUrl}${surveyPath(token)}`, now);
}

async function findSurvey(db: Db | Tx, token: string) {
  const s = await db.csatSurvey.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { conversation: { select: { subject: true, channel: true, teamId: true, assigneeId: true } } },
  });
  if (!s) throw notFound("Survey");
  return s;
}

/** What the survey page shows: never more than the conversation's number and subject. */
export async function surveyForToken(db: Db, token: string) {
  const s = await findSurvey(db, token);
  return {
    reference: `#${s.conversationId}`,
    subject: s.conversation.subject,
    rating: s.rating,
    comment: s.comment,
    open: Date.now() - s.createdAt.getTime() < ANSWER_WINDOW_MS,
  };
}

/** Stores (or changes) the answer; report counters move with it. */
export async function answerSurvey(db: Db, token: string, input: z.input<typeof ZCsatAnswer>) {
  const answer = ZCsatAnswer.parse(input);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const s = await findSurvey(tx, token);
    if (now.getTime() - s.createdAt.getTime() >= ANSWER_WINDOW_MS) throw notFound("Survey");
    const dims = {
      at: s.answeredAt ?? now,
      channel: s.conversation.channel,
      teamId: s.conversation.teamId,
      agentId: s.conversation.assigneeId,
    };
    const positive = (r: number | null) => (r !== null && r >= 4 ? 1 : 0);
    // A changed answer replaces the old one in the counters of the day it was first given.
    await count(tx, dims, {
      csatAnswers: s.rating === null ? 1 : 0,
      csatSum: answer.rating - (s.rating ?? 0),
      csatPositive: positive(answer.rating) - positive(s.rating),
    });
    await tx.csatSurvey.update({
      where: { id: s.id },
      data: { rating: answer.rating, comment: answer.comment || null, answeredAt: s.answeredAt ?? now },
    });
    await recordEvents(tx, [
      {
        action: "csat.answered",
        conversationId: s.conversationId,
        data: { rating: answer.rating, ...(answer.comment ? { comment: answer.comment } : {}), changed: !!s.rating },
      },
    ]);
  });
}
