import { emptyMessagingTwiml, receiveSms, ZTwilioSmsWebhook } from "@/lib/channels/sms/inbound";
import { route } from "@/lib/gateway/route";

// Twilio console → Phone Numbers → Messaging → "A message comes in": POST <PUBLIC_URL>/api/twilio/sms
export const POST = route({ policy: "twilio", body: ZTwilioSmsWebhook }, async ({ db, body }) => {
  await receiveSms(db, body);
  return emptyMessagingTwiml();
});
