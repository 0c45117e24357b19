// The IVR simulator: an admin "calls" the helpdesk from the dashboard. Each
// request names a voice webhook path and the form parameters Twilio would post,
// and runs the very same domain functions the signed webhooks run — the
// signature check is the only thing skipped, and only for admins.
import { z } from "zod";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { ZTwilioCall } from "./caller";
import { answerCall, menuStep, queueWait, ZMenuStep, ZMenuStepQuery, ZQueueWait, ZQueueWaitQuery } from "./ivr";
import {
  applyCallStatus,
  applyTranscription,
  receiveVoicemail,
  ZCallStatusCallback,
  ZRecordingCallback,
  ZTranscriptionCallback,
} from "./voicemail";

export const ZSimulatedWebhook = z.strictObject({
  /** path and query of the webhook, as the IVR wrote it into its TwiML (any origin is dropped) */
  url: z.string().min(1).max(2048),
  params: z.record(z.string().max(64), z.string().max(5000)),
});
export type TSimulatedWebhook = z.infer<typeof ZSimulatedWebhook>;

export interface SimulatedAnswer {
  /** the TwiML Twilio would get; empty for status-style callbacks */
  twiml: string;
  /** the caller's conversation, once the call has one */
  conversationId: number | null;
}

const BASE = "/api/twilio/voice";

export async function simulateWebhook(db: Db, hook: TSimulatedWebhook, publicUrl: string): Promise<SimulatedAnswer> {
  const url = new URL(hook.url, "http://simulator.invalid");
  const query = Object.fromEntries(url.searchParams);
  const p = hook.params;
  let res: Response | undefined;
  switch (url.pathname) {
    case BASE:
      res = await answerCall(db, ZTwilioCall.parse(p), publicUrl);
      break;
    case `${BASE}/menu`:
      res = await menuStep(db, ZMenuStepQuery.parse(query), ZMenuStep.parse(p), publicUrl);
      break;
    case `${BASE}/wait`:
      res = await queueWait(db, ZQueueWaitQuery.parse(query).queue, ZQueueWait.parse(p).QueuePosition);
      break;
    case `${BASE}/recording`:
      res = await receiveVoicemail(db, ZRecordingCallback.parse(p));
      break;
    case `${BASE}/transcription`:
      await applyTranscription(db, ZTranscriptionCallback.parse(p));
      break;
    case `${BASE}/status`:
      await applyCallStatus(db, ZCallStatusCallback.parse(p));
      break;
    default:
      throw new AppError(400, "unknown_webhook", `${url.pathname} is not a voice webhook`);
  }
  const callSid = typeof p.CallSid === "string" ? p.CallSid : "";
  const call = await db.call.findUnique({ where: { callSid }, select: { conversationId: true } });
  return { twiml: res ? await res.text() : "", conversationId: call?.conversationId ?? null };
}
