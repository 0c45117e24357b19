// Accepts a Twilio webhook only with a valid X-Twilio-Signature, computed by the
// twilio package over every posted parameter and the URL Twilio called — the
// public one, which behind a proxy differs from the URL this process sees.
import twilio from "twilio";
import { AppError } from "../errors";
import { log } from "../log";

export interface TwilioWebhook {
  params: Record<string, string>;
}

/** `bodyText` is the request's form body, read by the caller within its size limit. */
export function verifyTwilioRequest(
  req: Request,
  bodyText: string,
  authToken: string | undefined,
  publicOrigin: string,
): TwilioWebhook {
  if (!authToken) {
    throw new AppError(
      503,
      "twilio_not_configured",
      "Twilio webhooks are off: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_SMS_FROM",
    );
  }
  const url = new URL(req.url);
  const publicHref = `${publicOrigin}${url.pathname}${url.search}`;
  const signature = req.headers.get("x-twilio-signature");
  if (!signature) {
    log.warn("twilio webhook without a signature", { url: publicHref });
    throw new AppError(400, "missing_signature", "X-Twilio-Signature is required");
  }
  const params = Object.fromEntries(new URLSearchParams(bodyText));
  if (!twilio.validateRequest(authToken, signature, publicHref, params)) {
    log.warn("twilio webhook with a bad signature", { url: publicHref });
    throw new AppError(403, "invalid_signature", "X-Twilio-Signature does not match this request");
  }
  return { params };
}
