import { applyCallStatus, ZCallStatusCallback } from "@/lib/channels/voice/voicemail";
import { route } from "@/lib/gateway/route";

// Twilio console → Phone Numbers → Voice → "Call status changes": POST <PUBLIC_URL>/api/twilio/voice/status
export const POST = route(
  { policy: "twilio", summary: "Twilio: call status", body: ZCallStatusCallback },
  async ({ db, body }) => {
    await applyCallStatus(db, body);
    return new Response(null, { status: 204 });
  },
);
