import { applySmsStatus, ZStatusCallbackQuery, ZTwilioStatusCallback } from "@/lib/channels/sms/delivery-status";
import { route } from "@/lib/gateway/route";

// Set per message by our SMS transport as the statusCallback, with ?m=<our message id>;
// a Messaging Service calls it without (the message is then found by its MessageSid).
export const POST = route(
  {
    policy: "twilio",
    summary: "Twilio: delivery status of our SMS",
    body: ZTwilioStatusCallback,
    query: ZStatusCallbackQuery,
  },
  async ({ db, body, query }) => {
    await applySmsStatus(db, query.m, body);
    return new Response(null, { status: 204 });
  },
);
