import twilio from "twilio";
import { describe, expect, it } from "vitest";
import * as smsRoute from "@/app/api/twilio/sms/route";
import * as statusRoute from "@/app/api/twilio/sms/status/route";
import { db } from "@/lib/db/client";
import { reply } from "@/lib/conversations/reply";
import { drainJobs } from "@/lib/jobs/job-runner";
import { inboundHandlers } from "@/lib/runtime/inbound-handlers";
import { call, type CallOptions, createAgent } from "@/tests/helpers/factories";
import { inboundSms, sid, signedTwilioPost } from "@/tests/helpers/twilio";

const SMS = "/api/twilio/sms";

/** The webhook, then the worker's turn (in the app the webhook wakes it at once). */
async function postSms(request: CallOptions) {
  const res = await call(smsRoute.POST, request);
  await drainJobs(db(), inboundHandlers);
  return res;
}

describe("POST /api/twilio/sms", () => {
  it("stores a signed inbound SMS in the sender's conversation and answers empty TwiML", async () => {
    const params = inboundSms({ From: "+1 415 555 0100", Body: "My package never came" });
    const res = await postSms(signedTwilioPost(SMS, params));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(res.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const message = await db().message.findFirstOrThrow({
      include: { conversation: { include: { customer: { include: { identities: true } } } } },
    });
    expect(message).toMatchObject({
      channel: "sms",
      direction: "inbound",
      providerId: params.MessageSid,
      body: "My package never came",
    });
    expect(message.conversation.customer.identities).toEqual([
      expect.objectContaining({ kind: "phone", value: "+14155550100" }),
    ]);
  });

  it("replays of the same MessageSid queue once and store one message", async () => {
    const request = signedTwilioPost(SMS, inboundSms());
    for (let i = 0; i < 3; i++) expect((await call(smsRoute.POST, request)).status).toBe(200);
    expect(await db().outboxJob.count({ where: { kind: "inbound.sms" } })).toBe(1);
    await drainJobs(db(), inboundHandlers);
    for (let i = 0; i < 3; i++) expect((await postSms(request)).status).toBe(200);
    expect(await db().message.count()).toBe(1);
  });

  it("answers once the payload is stored; the worker then ingests it, timed as it arrived", async () => {
    const params = inboundSms({ Body: "stored before the answer" });
    expect((await call(smsRoute.POST, signedTwilioPost(SMS, params))).status).toBe(200);
    const job = await db().outboxJob.findFirstOrThrow();
    expect(job).toMatchObject({ kind: "inbound.sms", status: "pending", dedupeKey: `sms:${params.MessageSid}` });
    expect(await db().message.count()).toBe(0);
    expect(await drainJobs(db(), inboundHandlers)).toEqual({ processed: 1, retried: 0, failed: 0 });
    const message = await db().message.findFirstOrThrow();
    expect(message.body).toBe("stored before the answer");
    expect(message.createdAt).toEqual(job.createdAt);
    expect((await db().outboxJob.findFirstOrThrow()).status).toBe("done");
  });

  it("an ingest that keeps failing is retried with backoff, then kept as a failed job with its payload", async () => {
    const params = inboundSms({ Body: "keep me" });
    await call(smsRoute.POST, signedTwilioPost(SMS, params));
    await db().outboxJob.updateMany({ data: { maxAttempts: 2 } });
    const broken = { ...inboundHandlers, "inbound.sms": async () => Promise.reject(new Error("database on fire")) };
    expect(await drainJobs(db(), broken)).toEqual({ processed: 0, retried: 1, failed: 0 });
    const retrying = await db().outboxJob.findFirstOrThrow();
    expect(retrying).toMatchObject({ status: "pending", attempts: 1, lastError: "database on fire" });
    expect(retrying.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await drainJobs(db(), broken)).toEqual({ processed: 0, retried: 0, failed: 0 }); // not due yet
    const later = () => new Date(Date.now() + 3_600_000);
    expect(await drainJobs(db(), broken, { now: later })).toEqual({ processed: 0, retried: 0, failed: 1 });
    const failed = await db().outboxJob.findFirstOrThrow();
    expect(failed.status).toBe("failed");
    expect(JSON.parse(failed.payload)).toMatchObject({ MessageSid: params.MessageSid, Body: "keep me" });
    // an operator's replay: back to pending, and it goes through
    await db().outboxJob.update({ where: { id: failed.id }, data: { status: "pending", attempts: 0 } });
    expect(await drainJobs(db(), inboundHandlers, { now: later })).toEqual({ processed: 1, retried: 0, failed: 0 });
    expect((await db().message.findFirstOrThrow()).body).toBe("keep me");
  });

  it("keeps MMS media as attachments", async () => {
    const params = inboundSms({
      NumMedia: "2",
      MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1",
      MediaContentType0: "image/jpeg",
      MediaUrl1: "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME2",
      MediaContentType1: "video/mp4",
    });
    await postSms(signedTwilioPost(SMS, params));
    const atts = await db().attachment.findMany({ orderBy: { filename: "asc" } });
    expect(atts.map((a) => [a.filename, a.contentType, a.storageKey])).toEqual([
      ["media-1.jpeg", "image/jpeg", params.MediaUrl0],
      ["media-2.mp4", "video/mp4", params.MediaUrl1],
    ]);
  });

  it("refuses a request without a signature (400), with a wrong one (403), and one whose params were changed (403)", async () => {
    const params = inboundSms();
    const missing = await postSms(signedTwilioPost(SMS, params, { signature: null }));
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe("missing_signature");
    const wrong = await postSms(signedTwilioPost(SMS, params, { authToken: "someone-elses-token" }));
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe("invalid_signature");
    const tampered = signedTwilioPost(SMS, params);
    tampered.body = new URLSearchParams({ ...params, Body: "Send me a refund" }).toString();
    expect((await postSms(tampered)).status).toBe(403);
    const extraParam = signedTwilioPost(SMS, params);
    extraParam.body += "&Injected=1";
    expect((await postSms(extraParam)).status).toBe(403);
    expect(await db().message.count()).toBe(0);
  });

  it("checks the signature against the public URL, not the URL the app sees behind its proxy", async () => {
    const params = inboundSms();
    const internal = await postSms(signedTwilioPost(SMS, params, { signedUrl: `http://localhost${SMS}` }));
    expect(internal.status).toBe(403);
    const publicOne = await postSms(signedTwilioPost(SMS, params));
    expect(publicOne.status).toBe(200);
  });

  it("answers a malformed but signed body with a 400 JSON error and stores nothing", async () => {
    for (const bad of [
      { ...inboundSms(), MessageSid: "not-a-sid" },
      { ...inboundSms(), From: "" },
      { ...inboundSms(), NumMedia: "lots" },
      { ...inboundSms(), From: "not a phone" },
    ]) {
      const res = await postSms(signedTwilioPost(SMS, bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.message).toEqual(expect.any(String));
    }
    expect(await db().message.count()).toBe(0);
  });

  it("reads no more than the body limit, and refuses bytes that are not UTF-8, before checking anything else", async () => {
    const huge = signedTwilioPost(SMS, inboundSms({ Body: "x".repeat(1_100_000) }));
    const tooBig = await postSms(huge);
    expect(tooBig.status).toBe(413);
    const notUtf8 = signedTwilioPost(SMS, inboundSms());
    notUtf8.body = Buffer.concat([Buffer.from(String(notUtf8.body)), Buffer.from([0xff, 0xfe])]);
    const res = await postSms(notUtf8);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_body");
    expect(await db().message.count()).toBe(0);
  });

  it("STOP opts the number out and START opts it back in; the messages are kept", async () => {
    await postSms(signedTwilioPost(SMS, inboundSms({ Body: "Hi" })));
    await postSms(signedTwilioPost(SMS, inboundSms({ Body: "stop" })));
    expect((await db().identity.findFirstOrThrow()).optedOutAt).not.toBeNull();
    await postSms(signedTwilioPost(SMS, inboundSms({ Body: "START" })));
    expect((await db().identity.findFirstOrThrow()).optedOutAt).toBeNull();
    await postSms(signedTwilioPost(SMS, inboundSms({ Body: "please stop calling me", OptOutType: "STOP" })));
    expect((await db().identity.findFirstOrThrow()).optedOutAt).not.toBeNull();
    expect(await db().message.count()).toBe(4);
    expect(await db().auditEvent.count({ where: { action: { in: ["sms.opted_out", "sms.opted_in"] } } })).toBe(3);
  });

  it("an agent cannot reply by SMS to a number that opted out", async () => {
    await postSms(signedTwilioPost(SMS, inboundSms({ Body: "STOP" })));
    const conversation = await db().conversation.findFirstOrThrow();
    const agent = await createAgent();
    await expect(reply(db(), conversation.id, agent.id, { body: "Sorry to see you go" })).rejects.toMatchObject({
      status: 409,
      code: "sms_unreachable",
    });
    await expect(reply(db(), conversation.id, agent.id, { body: "noted", internal: true })).resolves.toBeTruthy();
    expect(await db().outboxJob.count({ where: { kind: "deliver" } })).toBe(0);
  });
});

describe("POST /api/twilio/sms/status", () => {
  async function outboundSms() {
    await postSms(signedTwilioPost(SMS, inboundSms()));
    const conversation = await db().conversation.findFirstOrThrow();
    const agent = await createAgent();
    const { messageId } = await reply(db(), conversation.id, agent.id, { body: "On its way" });
    const messageSid = sid("SM");
    await db().message.update({ where: { id: messageId }, data: { deliveryStatus: "sent", providerId: messageSid } });
    const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
      call(
        statusRoute.POST,
        signedTwilioPost(`/api/twilio/sms/status?m=${messageId}`, {
          MessageSid: messageSid,
          MessageStatus,
          AccountSid: "AC0",
          ...extra,
        }),
      );
    const current = () => db().message.findUniqueOrThrow({ where: { id: messageId } });
    return { messageId, messageSid, status, current };
  }

  it("moves the delivery status forward only, whatever order the callbacks arrive in", async () => {
    const m = await outboundSms();
    expect((await m.status("delivered")).status).toBe(204);
    expect((await m.current()).deliveryStatus).toBe("delivered");
    for (const late of ["sent", "queued", "sending", "failed"]) expect((await m.status(late)).status).toBe(204);
    expect((await m.current()).deliveryStatus).toBe("delivered");
  });

  it("replayed callbacks record the change once", async () => {
    const m = await outboundSms();
    for (let i = 0; i < 3; i++) await m.status("delivered");
    expect(await db().auditEvent.count({ where: { action: "message.delivery_status" } })).toBe(1);
  });

  it("a failure is shown with Twilio's error code", async () => {
    const m = await outboundSms();
    await m.status("undelivered", { ErrorCode: "30003" });
    expect(await m.current()).toMatchObject({
      deliveryStatus: "failed",
      deliveryError: "Twilio undelivered (error 30003)",
    });
  });

  it("a callback naming another message's sid, or no message of ours, changes nothing", async () => {
    const m = await outboundSms();
    const other = signedTwilioPost(`/api/twilio/sms/status?m=${m.messageId}`, {
      MessageSid: sid("SM"),
      MessageStatus: "failed",
    });
    expect((await call(statusRoute.POST, other)).status).toBe(204);
    const unknown = signedTwilioPost(`/api/twilio/sms/status?m=nope`, {
      MessageSid: m.messageSid,
      MessageStatus: "failed",
    });
    expect((await call(statusRoute.POST, unknown)).status).toBe(204);
    expect((await m.current()).deliveryStatus).toBe("sent");
  });

  it("without our message id (a Messaging Service's callback) finds the message by its MessageSid", async () => {
    const m = await outboundSms();
    const viaService = (MessageStatus: string, MessageSid = m.messageSid) =>
      call(
        statusRoute.POST,
        signedTwilioPost("/api/twilio/sms/status", { MessageSid, MessageStatus, AccountSid: "AC0" }),
      );
    expect((await viaService("delivered")).status).toBe(204);
    expect((await m.current()).deliveryStatus).toBe("delivered");
    // A MessageSid we never sent changes nothing, and is still acknowledged (Twilio would only retry it).
    expect((await viaService("failed", sid("SM"))).status).toBe(204);
    expect(await db().message.count({ where: { deliveryStatus: "failed" } })).toBe(0);
  });

  it("is signed over its query string too: a forged message id fails the check", async () => {
    const m = await outboundSms();
    const request = signedTwilioPost(`/api/twilio/sms/status?m=${m.messageId}`, {
      MessageSid: m.messageSid,
      MessageStatus: "failed",
    });
    request.path = `/api/twilio/sms/status?m=someone-else`;
    expect((await call(statusRoute.POST, request)).status).toBe(403);
  });
});

describe("Twilio's published signature test vector", () => {
  it("is what the twilio package computes and accepts", () => {
    const params = {
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675309",
      Digits: "1234",
      From: "+14158675309",
      To: "+18005551212",
    };
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    expect(twilio.getExpectedTwilioSignature("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(twilio.validateRequest("12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url, params)).toBe(true);
  });
});
