// Voicemail to ticket over Twilio Voice: the IVR's <Record> ends here; the
// recording opens (or joins) the caller's conversation like any other inbound
// message; the transcript and the call's outcome follow it.
import { z } from "zod";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { ingest } from "../../conversations/ingest";
import { ZCallSid, ZRecordingSid } from "../twilio-ids";
import { callerIdentity, ZTwilioCall } from "./caller";
import { newVoiceResponse, twimlResponse } from "./twiml";

export const ZRecordingCallback = ZTwilioCall.extend({
  RecordingSid: ZRecordingSid,
  RecordingUrl: z.url().max(2048),
  RecordingDuration: z.coerce.number().int().min(0).max(86_400).default(0),
});

export const ZTranscriptionCallback = z.looseObject({
  CallSid: ZCallSid,
  RecordingSid: ZRecordingSid,
  TranscriptionStatus: z.enum(["completed", "failed"]),
  TranscriptionText: z.string().max(20_000).default(""),
});

export const ZCallStatusCallback = ZTwilioCall.extend({
  CallStatus: z.enum([
    "queued",
    "initiated",
    "ringing",
    "in-progress",
    "completed",
    "busy",
    "failed",
    "no-answer",
    "canceled",
  ]),
  CallDuration: z.coerce.number().int().min(0).max(86_400).optional(),
});

/** The recording is the message: idempotent on RecordingSid like every inbound message. */
export async function receiveVoicemail(db: Db, hook: z.infer<typeof ZRecordingCallback>): Promise<Response> {
  const identity = callerIdentity(hook.From, hook.CallSid);
  const result = await ingest(db, {
    channel: "voice",
    providerId: hook.RecordingSid,
    from: { identity },
    subject: `Voicemail from ${identity.kind === "phone" ? identity.value : "a withheld number"}`,
    body: voicemailBody(hook.RecordingDuration),
    attachments: [{ filename: "voicemail.wav", contentType: "audio/x-wav", size: 0, storageKey: hook.RecordingUrl }],
    context: { ivrPath: await callPath(db, hook.CallSid) },
  });
  await db.call.updateMany({
    where: { callSid: hook.CallSid },
    data: { conversationId: result.conversationId, recordingUrl: hook.RecordingUrl, outcome: "voicemail" },
  });
  const r = newVoiceResponse();
  r.say("Thank you. We have your message. Goodbye.");
  r.hangup();
  return twimlResponse(r);
}

export function voicemailBody(seconds: number, transcript?: string): string {
  const head = `Voicemail (${seconds} s)`;
  if (transcript === undefined) return `${head}. Transcript pending.`;
  return transcript.trim() ? `${head}: ${transcript.trim()}` : `${head}. No transcript could be made.`;
}

export async function applyTranscription(db: Db, hook: z.infer<typeof ZTranscriptionCallback>): Promise<void> {
  const transcript = hook.TranscriptionStatus === "completed" ? hook.TranscriptionText : "";
  await db.call.updateMany({ where: { callSid: hook.CallSid }, data: { transcription: transcript || null } });
  const message = await db.message.findUnique({
    where: { channel_providerId: { channel: "voice", providerId: hook.RecordingSid } },
    select: { id: true, body: true },
  });
  if (!message) return;
  // The recording's length is in the body voicemailBody() wrote; keep it.
  const seconds = Number(/^Voicemail \((\d+) s\)/.exec(message.body)?.[1] ?? 0);
  await db.message.update({ where: { id: message.id }, data: { body: voicemailBody(seconds, transcript) } });
}

const FINAL_OUTCOME: Record<string, string> = {
  completed: "completed",
  busy: "missed",
  "no-answer": "missed",
  canceled: "missed",
  failed: "failed",
};

/** Outcomes the IVR decided during the call; the final status keeps them. */
const DECIDED = new Set(["voicemail", "callback", "answered", "abandoned"]);

/**
 * A call's final status: its duration, how it ended and the path it took go on
 * the caller's conversation timeline — a call that left no voicemail or
 * callback request gets a short message of its own, so every call is there.
 * Applied once (the duration is empty until then), however often or late the
 * callback comes.
 */
export async function applyCallStatus(db: Db, hook: z.infer<typeof ZCallStatusCallback>): Promise<void> {
  const status = FINAL_OUTCOME[hook.CallStatus];
  if (!status) return;
  const call = await db.call.findUnique({ where: { callSid: hook.CallSid } });
  if (!call || call.durationSeconds !== null) return;
  const outcome = DECIDED.has(call.outcome) ? call.outcome : call.outcome === "queued" ? "abandoned" : status;
  const durationSeconds = hook.CallDuration ?? 0;
  const path = JSON.parse(call.ivrPath) as string[];
  let conversationId = call.conversationId;
  if (!conversationId) {
    const identity = callerIdentity(call.fromNumber, call.callSid);
    const who = identity.kind === "phone" ? identity.value : "a withheld number";
    // Idempotent on the CallSid, so a crash before the update below is repaired by Twilio's retry.
    conversationId = (
      await ingest(db, {
        channel: "voice",
        providerId: `call-${call.callSid}`,
        from: { identity },
        subject: `${outcome === "missed" ? "Missed call" : "Call"} from ${who}`,
        body: `Phone call (${outcome}, ${durationSeconds} s)${path.length ? `. Path: ${path.join(" › ")}` : ""}`,
        context: { ivrPath: path.join(" › ").slice(0, 2_000) },
      })
    ).conversationId;
  }
  await db.$transaction(async (tx) => {
    const ended = await tx.call.updateMany({
      where: { callSid: hook.CallSid, durationSeconds: null },
      data: { outcome, durationSeconds, conversationId },
    });
    if (ended.count) {
      await recordEvent(tx, {
        action: "call.ended",
        conversationId,
        data: { callSid: hook.CallSid, outcome, durationSeconds, path },
      });
    }
  });
}

/** The caller's way through the menu so far, for routing rules on an IVR choice. */
async function callPath(db: Db, callSid: string): Promise<string | undefined> {
  const call = await db.call.findUnique({ where: { callSid }, select: { ivrPath: true } });
  return call ? (JSON.parse(call.ivrPath) as string[]).join(" › ").slice(0, 2_000) : undefined;
}
