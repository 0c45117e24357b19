import { describe, expect, it } from "vitest";
import * as voice from "@/app/api/twilio/voice/route";
import * as recording from "@/app/api/twilio/voice/recording/route";
import * as status from "@/app/api/twilio/voice/status/route";
import * as transcription from "@/app/api/twilio/voice/transcription/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { call } from "@/tests/helpers/factories";
import { sid, signedTwilioPost } from "@/tests/helpers/twilio";

function newCall(from = "+14155550177") {
  const base = { CallSid: sid("CA"), From: from, To: "+15005550006", AccountSid: "AC0", Direction: "inbound" };
  const recordingSid = sid("RE");
  return {
    callSid: base.CallSid,
    recordingSid,
    answer: () => call(voice.POST, signedTwilioPost("/api/twilio/voice", { ...base, CallStatus: "ringing" })),
    voicemail: (seconds = 12) =>
      call(
        recording.POST,
        signedTwilioPost("/api/twilio/voice/recording", {
          ...base,
          CallStatus: "in-progress",
          RecordingSid: recordingSid,
          RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/${recordingSid}`,
          RecordingDuration: String(seconds),
        }),
      ),
    transcript: (text: string, TranscriptionStatus = "completed") =>
      call(
        transcription.POST,
        signedTwilioPost("/api/twilio/voice/transcription", {
          CallSid: base.CallSid,
          RecordingSid: recordingSid,
          TranscriptionText: text,
          TranscriptionStatus,
        }),
      ),
    ended: (CallStatus: string, CallDuration = "40") =>
      call(status.POST, signedTwilioPost("/api/twilio/voice/status", { ...base, CallStatus, CallDuration })),
  };
}

describe("voicemail to ticket", () => {
  it("a voicemail opens a conversation agents see, with the recording, then its transcript; replays store one", async () => {
    const c = newCall();
    await c.answer();
    for (let i = 0; i < 3; i++) {
      const res = await c.voicemail(12);
      expect(res.status).toBe(200);
      expect(res.text).toContain("<Hangup/>");
    }
    const conversation = await db().conversation.findFirstOrThrow({
      include: { messages: { include: { attachments: true } } },
    });
    expect(conversation).toMatchObject({ channel: "voice", status: "new", subject: "Voicemail from +14155550177" });
    expect(conversation.messages).toHaveLength(1);
    expect(conversation.messages[0]).toMatchObject({
      body: "Voicemail (12 s). Transcript pending.",
      providerId: c.recordingSid,
    });
    expect(conversation.messages[0]!.attachments[0]).toMatchObject({
      contentType: "audio/x-wav",
      storageKey: expect.stringContaining(c.recordingSid),
    });

    expect((await c.transcript("Hi, my order 4411 arrived damaged.")).status).toBe(204);
    expect((await db().message.findFirstOrThrow()).body).toBe("Voicemail (12 s): Hi, my order 4411 arrived damaged.");
    expect(await db().call.findFirstOrThrow()).toMatchObject({
      outcome: "voicemail",
      conversationId: conversation.id,
      transcription: "Hi, my order 4411 arrived damaged.",
    });
  });

  it("a known caller's voicemail joins their open conversation from another channel", async () => {
    const sms = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550177" } },
      body: "texted first",
    });
    const c = newCall("+1 415 555 0177");
    await c.answer();
    await c.voicemail();
    const messages = await db().message.findMany({
      where: { conversationId: sms.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((m) => m.channel)).toEqual(["sms", "voice"]);
  });

  it("a withheld number gets a conversation of its own, joined to nobody", async () => {
    for (const from of ["anonymous", "+266696687"]) {
      const c = newCall(from);
      await c.answer();
      expect((await c.voicemail()).status).toBe(200);
    }
    expect(await db().conversation.count()).toBe(2);
    expect((await db().identity.findMany()).map((i) => i.kind)).toEqual(["withheld", "withheld"]);
  });

  it("a failed transcription says so; the call's final status sets duration and outcome once", async () => {
    const c = newCall();
    await c.answer();
    await c.voicemail(5);
    await c.transcript("", "failed");
    expect((await db().message.findFirstOrThrow()).body).toBe("Voicemail (5 s). No transcript could be made.");
    for (let i = 0; i < 3; i++) expect((await c.ended("completed", "41")).status).toBe(204);
    expect(await db().call.findFirstOrThrow()).toMatchObject({ outcome: "voicemail", durationSeconds: 41 });
    expect(await db().auditEvent.count({ where: { action: "call.ended" } })).toBe(1);
  });

  it("a call that leaves no message still reaches the caller's timeline: a hang-up or a missed call", async () => {
    const c = newCall();
    await c.answer();
    await c.ended("completed", "3");
    const hungUp = await db().call.findFirstOrThrow({ include: { conversation: { include: { messages: true } } } });
    expect(hungUp).toMatchObject({ outcome: "completed", durationSeconds: 3 });
    expect(hungUp.conversation).toMatchObject({ subject: "Call from +14155550177", channel: "voice" });
    expect(hungUp.conversation!.messages.map((m) => m.body)).toEqual([
      "Phone call (completed, 3 s). Path: Greeting › Main menu",
    ]);
    const busy = newCall("+14155550178");
    await busy.answer();
    await busy.ended("no-answer", "0");
    await busy.ended("no-answer", "0");
    const missed = await db().call.findUniqueOrThrow({
      where: { callSid: busy.callSid },
      include: { conversation: true },
    });
    expect(missed).toMatchObject({ outcome: "missed", conversation: { subject: "Missed call from +14155550178" } });
    expect(await db().message.count()).toBe(2);
  });

  it("refuses unsigned and malformed voice webhooks", async () => {
    const c = newCall();
    expect(
      (
        await call(
          voice.POST,
          signedTwilioPost("/api/twilio/voice", { CallSid: c.callSid, From: "+1" }, { signature: null }),
        )
      ).status,
    ).toBe(400);
    expect(
      (await call(voice.POST, signedTwilioPost("/api/twilio/voice", { CallSid: "CAnope", From: "+14155550177" })))
        .status,
    ).toBe(400);
    const badUrl = signedTwilioPost("/api/twilio/voice/recording", {
      CallSid: c.callSid,
      From: "+14155550177",
      RecordingSid: c.recordingSid,
      RecordingUrl: "not a url",
    });
    expect((await call(recording.POST, badUrl)).status).toBe(400);
    expect(await db().call.count()).toBe(0);
    expect(await db().message.count()).toBe(0);
  });
});
