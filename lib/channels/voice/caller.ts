import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { ZCallSid } from "../twilio-ids";

/** What every voice webhook posts about the call. */
export const ZTwilioCall = z.looseObject({
  CallSid: ZCallSid,
  From: z.string().min(1).max(64),
  To: z.string().max(64).default(""),
});
export type TTwilioCall = z.infer<typeof ZTwilioCall>;

/** A withheld number ("anonymous", "+266696687") becomes a caller of its own, never a stranger's history. */
export function callerIdentity(from: string, callSid: string) {
  const phone = parsePhoneNumberFromString(from);
  return phone?.isValid()
    ? { kind: "phone" as const, value: phone.number }
    : { kind: "withheld" as const, value: callSid };
}
