// An incoming SMS/MMS webhook from Twilio: stored as an inbound job and
// acknowledged at once (a single insert), then ingested by the worker. Twilio
// posts many more parameters than these (the signature covers them all); we
// read what we use.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import twilio from "twilio";
import { z } from "zod";
import { ZMessageSid } from "../twilio-ids";
import type { Db } from "../../db/client";
import { ingest } from "../../conversations/ingest";
import { normaliseIdentity } from "../../customers/identity";
import { enqueueInbound } from "../../jobs/outbox";
import { consentChange, setSmsConsent } from "../../customers/sms-consent";

export const ZTwilioSmsWebhook = z.looseObject({
  MessageSid: ZMessageSid,
  // Checked here, before the webhook answers: a payload the worker could never ingest is refused, not queued.
  From: z
    .string()
    .min(1)
    .max(64)
    .refine((v) => parsePhoneNumberFromString(v.trim())?.isPossible() === true, "not a phone number"),
  To: z.string().max(64).optional(),
  Body: z.string().max(10_000).default(""),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
  OptOutType: z.enum(["STOP", "START", "HELP"]).optional(),
  ProfileName: z.string().max(200).optional(),
});
export type TTwilioSmsWebhook = z.infer<typeof ZTwilioSmsWebhook>;

/** The webhook's part: store the payload once per MessageSid and answer; the worker calls receiveSms. */
export function acceptSms(db: Db, hook: TTwilioSmsWebhook) {
  return enqueueInbound(db, "inbound.sms", `sms:${hook.MessageSid}`, hook);
}

export async function receiveSms(db: Db, hook: TTwilioSmsWebhook, receivedAt?: Date) {
  const media = Array.from({ length: hook.NumMedia }, (_, i) => ({
    url: String(hook[`MediaUrl${i}`] ?? ""),
    contentType: String(hook[`MediaContentType${i}`] ?? "application/octet-stream"),
  })).filter((m) => m.url.startsWith("https://") || m.url.startsWith("http://"));

  const result = await ingest(db, {
    channel: "sms",
    providerId: hook.MessageSid,
    from: { identity: { kind: "phone", value: hook.From }, name: hook.ProfileName },
    body: hook.Body,
    receivedAt,
    attachments: media.map((m, i) => ({
      filename: `media-${i + 1}.${m.contentType.split("/")[1]?.replace(/[^a-z0-9]/gi, "") || "bin"}`,
      contentType: m.contentType,
      // Twilio hosts the media; its size is known only once fetched.
      size: 0,
      storageKey: m.url,
    })),
  });
  const change = consentChange(hook.Body, hook.OptOutType);
  if (change && !result.duplicate) {
    await setSmsConsent(
      db,
      normaliseIdentity({ kind: "phone", value: hook.From }).value,
      change,
      result.conversationId,
    );
  }
  return result;
}

/** An empty TwiML answer: Twilio itself answers STOP/START/HELP, and agents answer the rest. */
export function emptyMessagingTwiml(): Response {
  return new Response(new twilio.twiml.MessagingResponse().toString(), {
    headers: { "content-type": "text/xml; charset=utf-8" },
  });
}
