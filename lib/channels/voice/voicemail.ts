// Voicemail to ticket over Twilio Voice: a call is greeted and asked for a
// message; the recording opens (or joins) the caller's conversation like any
// other inbound message; the transcript and the call's outcome follow it.
// The configurable IVR menu (issue 3) will sit in front of the recording step.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import twilio from "twilio";
import { z } from "zod";
import { recordEvent } from "../../audit/record-event";
import { type Db, isUniqueViolation } from "../../db/client";
import { ingest } from "../../conversations/ingest";
import { ZCallSid, ZRecordingSid } from "../twilio-ids";

export const ZTwilioCall = z.looseObject({
  CallSid: ZCallSid,
  From: z.string().min(1).max(64),
  To: z.string().max(64).default(""),
});

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

export const VOICE = { voice: "Polly.Joanna", language: "en-US" } as const;
export const GREETING = "Thanks for calling. Please leave a message after the tone, and we will get back to you.";
const MAX_VOICEMAIL_SECONDS = 180;

function twiml(r: InstanceType<typeof twilio.twiml.VoiceResponse>): Response {
  return new Response(r.toString(), { headers: { "content-type": "text/xml; charset=utf-8" } });
}

/** A withheld number ("anonymous", "+266696687") becomes a caller of its own, never a stranger's history. */
export function callerIdentity(from: string, callSid: string) {
  const phone = parsePhoneNumberFromString(from);
  return phone?.isValid()
    ? { kind: "phone" as const, value: phone.number }
    : { kind: "withheld" as const, value: callSid };
}

/** The first webhook of a call: record the call, greet, record a voicemail. Replays give the same TwiML. */
export async function answerCall(db: Db, hook: z.infer<typeof ZTwilioCall>, publicUrl: string): Promise<Response> {
  try {
    await db.call.create({
      data: {
        callSid: hook.CallSid,
        fromNumber: hook.From,
        toNumber: hook.To,
        ivrPath: JSON.stringify(["greeting", "voicemail"]),
      },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a replayed webhook: the call is already recorded
  }
  const r = new twilio.twiml.VoiceResponse();
  r.say(VOICE, GREETING);
  r.record({
    action: `${publicUrl}/api/twilio/voice/recording`,
    method: "POST",
    maxLength: MAX_VOICEMAIL_SECONDS,
    playBeep: true,
    transcribe: true,
    transcribeCallback: `${publicUrl}/api/twilio/voice/transcription`,
  });
  r.say(VOICE, "We did not get a message. Goodbye.");
  r.hangup();
  return twiml(r);
}

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
  });
  await db.call.updateMany({
    where: { callSid: hook.CallSid },
    data: { conversationId: result.conversationId, recordingUrl: hook.RecordingUrl, outcome: "voicemail" },
  });
  const r = new twilio.twiml.VoiceResponse();
  r.say(VOICE, "Thank you. We have your message. Goodbye.");
  r.hangup();
  return twiml(r);
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

/**
 * A call's final status: its duration and how it ended (a voicemail stays a
 * voicemail). Applied once — the call's duration is empty until then — however
 * often or late the callback comes.
 */
export async function applyCallStatus(db: Db, hook: z.infer<typeof ZCallStatusCallback>): Promise<void> {
  const outcome = FINAL_OUTCOME[hook.CallStatus];
  if (!outcome) return;
  const call = await db.call.findUnique({
    where: { callSid: hook.CallSid },
    select: { outcome: true, conversationId: true, durationSeconds: true },
  });
  if (!call || call.durationSeconds !== null) return;
  const finalOutcome = call.outcome === "voicemail" ? "voicemail" : outcome;
  await db.$transaction(async (tx) => {
    const ended = await tx.call.updateMany({
      where: { callSid: hook.CallSid, durationSeconds: null },
      data: { outcome: finalOutcome, durationSeconds: hook.CallDuration ?? 0 },
    });
    if (ended.count && call.conversationId) {
      await recordEvent(tx, {
        action: "call.ended",
        conversationId: call.conversationId,
        data: { callSid: hook.CallSid, outcome: finalOutcome, durationSeconds: hook.CallDuration ?? 0 },
      });
    }
  });
}
