import { acceptSms, emptyMessagingTwiml, ZTwilioSmsWebhook } from "@/lib/channels/sms/inbound";
import { route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";

// Twilio console → Phone Numbers → Messaging → "A message comes in": POST <PUBLIC_URL>/api/twilio/sms
export const POST = route(
  { policy: "twilio", summary: "Twilio: incoming SMS/MMS", body: ZTwilioSmsWebhook },
  async ({ db, body }) => {
    await acceptSms(db, body);
    wakeWorker();
    return emptyMessagingTwiml();
  },
);
