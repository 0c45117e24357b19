// Which channel function ingests each kind of inbound job.
import { receiveEmail, ZInboundEmailJob } from "../channels/email/inbound";
import { receiveSms, ZTwilioSmsWebhook } from "../channels/sms/inbound";
import { emailConfig } from "../env";
import { blobStore } from "../storage/store";
import type { InboundHandlers } from "../jobs/job-runner";

export const inboundHandlers: InboundHandlers = {
  "inbound.sms": (db, payload, job) => receiveSms(db, ZTwilioSmsWebhook.parse(payload), job.createdAt),
  "inbound.email": (db, payload, job) => {
    const email = emailConfig();
    return receiveEmail(
      db,
      { store: blobStore(), replySecret: email.replySecret, maxAttachmentBytes: email.maxBytes },
      ZInboundEmailJob.parse(payload),
      job.createdAt,
    );
  },
};
