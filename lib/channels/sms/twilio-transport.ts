// Outbound SMS through Twilio's REST API. The outbox does the retrying, so the
// client's own auto-retry is off: 429, 5xx and network errors are retried with
// backoff; 21610 (the number sent STOP) and other 4xx are final.
import twilio from "twilio";

import type { Db } from "../../db/client";
import { PermanentDeliveryError, type Transport } from "../transports";
import { setSmsConsent, smsRecipient } from "../../customers/sms-consent";

export const TWILIO_OPTED_OUT = 21610;

export interface TwilioSmsOptions {
  accountSid: string;
  authToken: string;
  /** an E.164 number, or a Messaging Service SID (MG…) */
  from: string;
  /** the public origin Twilio posts status callbacks to */
  publicUrl: string;
  /** for tests: a client that sends the REST calls to a local fake */
  httpClient?: InstanceType<typeof twilio.RequestClient>;
}

interface TwilioRestError {
  status: number;
  code?: number;
  message: string;
}

function isRestError(err: unknown): err is TwilioRestError {
  return typeof err === "object" && err !== null && typeof (err as TwilioRestError).status === "number";
}

export function twilioSmsTransport(db: Db, opts: TwilioSmsOptions): Transport {
  const client = twilio(opts.accountSid, opts.authToken, { httpClient: opts.httpClient, autoRetry: false });
  const sender = opts.from.startsWith("MG") ? { messagingServiceSid: opts.from } : { from: opts.from };
  return {
    async send(m) {
      const { phone, hasPhone } = await smsRecipient(db, m.customerId);
      if (!phone) {
        throw new PermanentDeliveryError(
          hasPhone ? "the customer opted out of SMS (STOP)" : "the customer has no phone number",
        );
      }
      try {
        const sent = await client.messages.create({
          to: phone,
          body: m.body,
          statusCallback: `${opts.publicUrl}/api/twilio/sms/status?m=${encodeURIComponent(m.id)}`,
          ...sender,
        });
        return { status: "sent", providerId: sent.sid };
      } catch (err) {
        if (!isRestError(err)) throw err; // network trouble: retry
        if (err.code === TWILIO_OPTED_OUT) {
          await setSmsConsent(db, phone, "stop", m.conversationId);
          throw new PermanentDeliveryError(`Twilio error ${TWILIO_OPTED_OUT}: the number opted out (STOP)`);
        }
        const text = `Twilio ${err.status}${err.code ? ` error ${err.code}` : ""}: ${err.message}`;
        if (err.status === 429 || err.status >= 500) throw new Error(text);
        throw new PermanentDeliveryError(text);
      }
    },
  };
}
