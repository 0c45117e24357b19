// The transports this process delivers with, from configuration. A channel
// without one falls back to the local recorder (see transports.ts).
import type { Db } from "../db/client";
import { emailConfig, publicUrl, twilioConfig } from "../env";
import { log } from "../log";
import { mailSender, type MailSender } from "../system-mail/system-mail";
import { smtpEmailTransport } from "../channels/email/smtp-transport";
import { rebasedRequestClient } from "../channels/sms/rebased-request-client";
import { twilioSmsTransport } from "../channels/sms/twilio-transport";
import { localTransport, type TransportMap } from "../channels/transports";
import { chatTransport } from "../channels/chat/chat-transport";

export function configuredTransports(db: Db): TransportMap {
  const email = emailTransports(db);
  // Chat replies to a visitor who left go by email (through SMTP, or the local recorder without it).
  return { ...smsTransports(db), ...email, chat: chatTransport(db, email.email ?? localTransport) };
}

function emailTransports(db: Db): TransportMap {
  const email = emailConfig();
  if (!email.smtpUrl) {
    log.info("email replies go to the local recorder: set SMTP_URL to send them");
    return {};
  }
  return { email: smtpEmailTransport(db, { ...email, smtpUrl: email.smtpUrl }) };
}

function smsTransports(db: Db): TransportMap {
  const twilio = twilioConfig();
  if (!twilio) {
    log.info(
      "SMS goes to the local recorder: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_SMS_FROM to send through Twilio",
    );
    return {};
  }
  return {
    sms: twilioSmsTransport(db, {
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: twilio.smsFrom,
      publicUrl: publicUrl(),
      httpClient: twilio.apiBase ? rebasedRequestClient(twilio.apiBase) : undefined,
    }),
  };
}

/** The helpdesk's own mail (resets, sign-in links): SMTP_URL, else .eml files in MAIL_PICKUP_DIR. */
export function configuredMailSender(): MailSender {
  const email = emailConfig();
  if (!email.smtpUrl)
    log.info("password-reset and sign-in mail is written to files: set SMTP_URL to send it", { dir: email.pickupDir });
  return mailSender(email);
}
