// Which channel function ingests each kind of inbound job.
import { receiveSms, ZTwilioSmsWebhook } from "../channels/sms/inbound";
import type { InboundHandlers } from "./inbound-worker";

export const inboundHandlers: InboundHandlers = {
  "inbound.sms": (db, payload, receivedAt) => receiveSms(db, ZTwilioSmsWebhook.parse(payload), receivedAt),
};
