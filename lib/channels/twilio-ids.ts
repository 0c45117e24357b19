// Twilio's resource ids: two letters naming the kind, then 32 hex digits.
import { z } from "zod";

const sid = (prefix: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `not a Twilio ${what}`);

/** SM… for SMS, MM… for MMS. */
export const ZMessageSid = sid("[A-Z]{2}", "MessageSid");
export const ZCallSid = sid("CA", "CallSid");
export const ZRecordingSid = sid("RE", "RecordingSid");
